/**
 * A second, independent client: Neovim, headless, with the minimal configuration in neovim/init.lua
 * (docs/neovim.md shows it for users). It opens a rule file with mistakes, starts the built server,
 * waits for the diagnostics and prints them, with a hover and a completion, as JSON; and formats a
 * file whose lines end in CRLF (neovim/format.lua). Skipped when
 * `nvim` is not installed (Debian: apt-get install neovim); scripts/nvim-smoke.sh runs the same by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, SERVER_BIN } from './support.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;
if (!available) console.warn('Skipping the Neovim client test: nvim is not on PATH (apt-get install neovim).');

/**
 * Writes `text` to a file of a new folder, opens it in headless Neovim with the configuration `script`
 * (in neovim/), and returns the JSON line the script prints, and the file's path.
 */
function runNvim<T>(script: string, name: string, text: string): { out: T; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'awardrules-nvim-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', `${ROOT}test/lsp/neovim/${script}`, file], {
    cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, AWARDRULES_LSP: SERVER_BIN },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  expect(line, `nvim printed no JSON; stderr: ${r.stderr}`).toBeTruthy();
  return { out: JSON.parse(line!) as T, file };
}

describe.skipIf(!available)(`Neovim as the client (${available ? nvim.stdout.split('\n')[0] : 'not installed'})`, () => {
  it('shows the server\'s diagnostics, hover and completion', () => {
    const { out } = runNvim<{ started: boolean; error?: string; diagnostics: { line: number; col: number; code: string; message: string; severity: number }[]; hover?: string; completion?: string[] }>(
      'init.lua', 'broken.award', 'notice "示例〔2024〕1号" {\n  issued 2024-01-02\n}\nexclude rank >= vice-bureu\npublicity >= 5 workdays at \n');
    expect(out.error).toBeUndefined();
    expect(out.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['AR2001', 3, 16], ['AR1002', 4, 26]]);
    expect(out.diagnostics[0]!.message).toBe("Unknown rank 'vice-bureu'.\nhint: Did you mean 'vice-bureau' (副厅级)?");
    expect(out.hover).toContain('(standard field) `rank` — 职级');
    expect(out.completion).toEqual(expect.arrayContaining(['unit', '本单位', 'province', 'each']));
  });

  it('formats a CRLF file in place, keeping its line ends', () => {
    const { out, file } = runNvim<{ error?: string; lines: string[]; fileformat: string; withCr: number }>(
      'format.lua', 'crlf.award', 'notice "x" {\r\n  issued 2024-01-02\r\n}\r\naward a for individual {\r\n  quota<=5\r\n}\r\n');
    expect(out.error).toBeUndefined();
    expect(out.fileformat).toBe('dos');
    expect(out.withCr).toBe(0);
    expect(out.lines).toEqual(['notice "x" {', '  issued 2024-01-02', '}', 'award a for individual {', '  quota <= 5', '}']);
    expect(readFileSync(file, 'utf8')).toBe('notice "x" {\r\n  issued 2024-01-02\r\n}\r\naward a for individual {\r\n  quota <= 5\r\n}\r\n');
  });
});
