// `npm run demo`: the main job on the examples — check the five notices against the catalog and
// explain one of them in plain Chinese.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const awardc = (args) => {
  console.log(`\n$ awardc ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['packages/cli/bin/awardc.js', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 2);
};

const examples = readdirSync('examples').filter((f) => f.endsWith('.award')).sort().map((f) => `examples/${f}`);
const catalog = '../shared/CATALOG.md';
awardc(['check', ...examples, ...(existsSync(catalog) ? ['--catalog', catalog] : [])]);
awardc(['explain', 'examples/jilin-2023-social-orgs.award', '--lang', 'zh']);
