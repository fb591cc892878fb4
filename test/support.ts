import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CATALOG = `${ROOT}../shared/CATALOG.md`;
export const EXAMPLES = ['jilin-2020-judicial-covid', 'jilin-2023-social-orgs', 'qinghai-2021-petition', 'sichuan-2017-public-security', 'national-2021-government-affairs'];

export function catalogIds(): string[] {
  if (!existsSync(CATALOG)) throw new Error(`The catalog is missing: ${CATALOG} (../shared must sit beside the repository)`);
  return [...readFileSync(CATALOG, 'utf8').matchAll(/^\| ([A-Z]\d{2}-[A-Z]+-\d+) \|/gm)].map((m) => m[1]!);
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, in a separate process. */
export function awardc(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [`${ROOT}packages/cli/bin/awardc.cjs`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
