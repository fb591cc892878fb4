// `npm run demo`: the main job on the examples. Check the five notices against the catalog, compile
// each into a validator package, and validate the example slates of the 2023 Jilin notice: the
// passing one (exit 0) and the failing one, whose planted mistakes the validator reports (exit 1).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const awardc = (args, expected = 0) => {
  console.log(`\n$ awardc ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['packages/cli/bin/awardc.cjs', ...args], { stdio: 'inherit' });
  if (r.status !== expected) {
    console.error(`\nThe demo expected exit ${expected} from awardc ${args[0]}, and got ${r.status}.`);
    process.exit(r.status || 2);
  }
};

const examples = readdirSync('examples').filter((f) => f.endsWith('.award')).sort();
const catalog = '../shared/CATALOG.md';
awardc(['check', ...examples.map((f) => `examples/${f}`), ...(existsSync(catalog) ? ['--catalog', catalog] : [])]);
for (const f of examples) awardc(['compile', `examples/${f}`, '-o', `build/validators/${f.replace(/\.award$/, '')}`]);
const j23 = 'examples/jilin-2023-social-orgs.award';
awardc(['validate', j23, 'examples/slates/jilin-2023-social-orgs.pass.xlsx']);
awardc(['validate', j23, 'examples/slates/jilin-2023-social-orgs.fail.xlsx'], 1);
awardc(['validate', j23, 'examples/slates/jilin-2023-social-orgs.fail.xlsx', '--why', 'P011', '--lang', 'en'], 1);
