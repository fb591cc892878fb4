/**
 * The validator packages the compiler emits are real code, used as another system would use them:
 *
 * - the emitted `.ts` of the five examples and of a stress rule file type-checks with tsc in its
 *   strictest settings against the built @awardrules/runtime, the `.d.ts` type-checks on its own and
 *   declares exactly what the `.ts` exports (type by type), and the `.js` exports exactly that;
 * - the output is byte-for-byte the same on every compile, in this process and through the CLI, from
 *   any working directory, any spelling of the rule file's path, any time zone and locale;
 * - texts that try to break string literals, template literals, comments and `<script>` blocks come
 *   out of `notice`, `rules` and `schema` exactly as the model has them (fixtures/stress.award);
 * - a consumer project outside the repository installs the packed validator and runtime with npm
 *   (offline), type-checks a typed slate against them (wrong values must not type-check) and runs it;
 * - `validateInput` never throws on malformed input.
 *
 * Everything runs in one temporary project under os.tmpdir(), with one tsc process and two node
 * processes, and is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDocument, type CompiledFile } from '@awardrules/compiler';
import { ruleInfos, slateSchema, type AwardDocument } from '@awardrules/language';
import { formatDay, type FieldSchema, type Finding, type Localized, type RuleInfo, type SlateSchema } from '@awardrules/runtime';
import { awardc, EXAMPLES, ROOT } from '../support.js';
import { checkedDocument, implementations } from '../validation/support.js';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const RUNTIME = join(ROOT, 'packages/runtime');
const FIXTURE = join(ROOT, 'test/compiler/fixtures/stress.award');

/** Raw characters the lexer takes unescaped inside straight quotes; the fixture says `@RAW@` for them. */
const RAW = 'raw:\u0001\u001f\u007f\u0085\u2028\u2029\ufeff:end';

/** The strictest settings a consumer might use. */
const STRICT = {
  strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true, module: 'nodenext', target: 'es2022', verbatimModuleSyntax: true,
};

interface Case {
  /** Base name of the emitted files. */
  readonly name: string;
  /** The rule file as the CLI reads it. */
  readonly file: string;
  readonly text: string;
  readonly doc: AwardDocument;
  /** Compiled in this process, from the path as given relative to the repository. */
  readonly files: readonly CompiledFile[];
  /** The npm name of the package. */
  readonly pkg: string;
}

function makeCase(name: string, file: string, text: string, source: string): Case {
  const doc = checkedDocument(text, relative(ROOT, file));
  const files = compileDocument(doc, source);
  const pkg = (JSON.parse(fileText(files, 'package.json')) as { name: string }).name;
  return { name, file, text, doc, files, pkg };
}

function fileText(files: readonly CompiledFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} among ${files.map((x) => x.path).join(', ')}`);
  return f.text;
}

function writeFiles(dir: string, files: readonly CompiledFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path), f.text);
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** npm without the user's configuration, cache or network. */
function npm(args: string[], cwd: string, scratch: string): Run {
  const r = spawnSync('npm', args, {
    cwd, encoding: 'utf8', shell: process.platform === 'win32',
    env: {
      PATH: process.env['PATH'] ?? '', HOME: scratch,
      npm_config_cache: join(scratch, 'npm-cache'), npm_config_userconfig: join(scratch, 'npmrc-user'), npm_config_globalconfig: join(scratch, 'npmrc-global'),
      npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
      npm_config_loglevel: 'error', npm_config_registry: 'http://127.0.0.1:9/',
    },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function node(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Names a module exports, read from the emitted text: `{ values, types }`. */
function exportedNames(text: string, declarations: boolean): { values: string[]; types: string[] } {
  const values = [...text.matchAll(declarations ? /^export declare (?:const|function) ([^\s:(<]+)/gmu : /^export (?:const|function) ([^\s:(<]+)/gmu)].map((m) => m[1]!);
  const types = [...text.matchAll(/^export (?:type|interface) ([^\s=<{]+)/gmu)].map((m) => m[1]!);
  return { values: values.sort(), types: types.sort() };
}

/** What `notice` should hold: the model's notice, as emit.ts exports it. */
function expectedNotice(doc: AwardDocument): unknown {
  const n = doc.model.notice;
  return {
    ...(n.code ? { code: n.code } : {}), ...(n.title ? { title: n.title } : {}), issuers: n.issuers,
    ...(n.issued !== undefined ? { issued: formatDay(n.issued) } : {}),
    awards: doc.model.awards.map((a) => ({ id: a.id, kind: a.kind, ...(a.zh ? { zh: a.zh } : {}), ...(a.en ? { en: a.en } : {}) })),
  };
}

/**
 * Every type name a generated module imports, declares or uses (the union over the examples' modules),
 * so that a rule file can declare a list of that name: `enum event-record_` would become `EventRecord`.
 */
function typeNamesOf(modules: readonly string[]): string[] {
  const names = new Set<string>();
  for (const ts of modules) {
    for (const m of ts.matchAll(/^import type \{([^}]*)\}/gm)) for (const part of m[1]!.split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!);
    for (const m of ts.matchAll(/^(?:export )?(?:interface|type) (\w+)/gm)) names.add(m[1]!);
    for (const m of ts.matchAll(/\b([A-Z]\w*)</g)) names.add(m[1]!);
  }
  return [...names].filter((n) => /^[A-Z][A-Za-z]*$/.test(n)).sort();
}

/** A rule file with one list per type name, each named so that its type alias would take that name. */
function collisionText(names: readonly string[]): string {
  const id = (n: string) => `${n.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}_`;
  return [
    'notice "类型名碰撞" {\n  issued 2024-01-02\n}',
    ...names.map((n, i) => `enum ${id(n)} "类型${i}" { v1 "甲", v2 "乙" }\nfield f${i} "字段${i}": ${id(n)}`),
    `exclude ${names.map((_, i) => `f${i} = v1`).join(' or ')}`,
  ].join('\n') + '\n';
}

// ── The consumer project ──────────────────────────────────────────────────────────────────────

/** Asserts at the type level that each `.d.ts` declares exactly what its `.ts` exports. */
function compatSource(cases: readonly Case[]): string {
  const lines = [
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;',
    'type Check<T extends true> = T;',
  ];
  cases.forEach((c, i) => {
    const names = exportedNames(fileText(c.files, `${c.name}.d.ts`), true);
    lines.push(`import type * as S${i} from './src/${c.name}.js';`, `import type * as D${i} from '${c.pkg}';`);
    const checks = [
      ...names.values.map((v) => `Check<Equal<typeof S${i}.${v}, typeof D${i}.${v}>>`),
      ...names.types.map((t) => `Check<Equal<S${i}.${t}, D${i}.${t}>>`),
    ];
    lines.push(`export type Compat${i} = [\n  ${checks.join(',\n  ')},\n];`);
  });
  return `${lines.join('\n')}\n`;
}

/** A typed consumer of the Jilin 2023 validator: 51 selected individuals against a quota of 50. */
const MAIN = `import { notice, rules, schema, validate, validateInput, type Nominee, type Slate } from 'awardrules-validator-jilin-2023-social-orgs';
import type { Finding, ValidationResult } from '@awardrules/runtime';

// The notice's texts are literal types.
const code: '吉人社联〔2023〕165号' = notice.code;
const awards: readonly ('advanced-org' | 'advanced-person')[] = notice.awards.map((a) => a.id);

const people: Nominee[] = [];
for (let i = 1; i <= 51; i++) {
  people.push({
    id: \`p\${i}\`, name: \`个人\${i}\`, award: 'advanced-person', kind: 'individual', selected: true, region: 'changchun',
    rank: 'section', identity: ['org-leader'], socialOrgWork: '2010-01-01', consulted: ['public-security'],
  });
}
const org: Nominee = { id: 'o1', name: '某协会', award: 'advanced-org', body: 'social-group', registeredInJilin: true, rating: { value: '5A', validUntil: '2026-12-31' } };

const wrong: Nominee[] = [
  // @ts-expect-error 'emperor' is not a rank
  { id: 'bad-rank', name: '错误职级', award: 'advanced-person', rank: 'emperor' },
  // @ts-expect-error selected is a boolean
  { id: 'bad-selected', name: '错误标记', award: 'advanced-person', selected: 'yes' },
  // @ts-expect-error there is no such award
  { id: 'bad-award', name: '错误奖项', award: 'no-such-award' },
  // @ts-expect-error a collective nominee has no individual fields
  { id: 'bad-kind', name: '错误类别', award: 'advanced-org', kind: 'individual' },
];

const slate: Slate = { nominees: [...people, org, ...wrong] };
// @ts-expect-error a slate is an object with nominees, not an array
validate(people);

const result: ValidationResult = validate(slate, { referenceDate: '2024-03-15' });
const untyped = validateInput(JSON.parse(JSON.stringify(slate)) as unknown, { referenceDate: '2024-03-15' });
const quota: Finding[] = result.findings.filter((f) => f.tags.includes('J23-QUOTA-2'));
const about = (id: string): Finding[] => result.findings.filter((f) => f.nominee?.id === id);
const rule = rules.find((r) => r.id === 'J23-QUOTA-2');

console.log(JSON.stringify({
  code, awards, rules: rules.length, fields: schema.fields.map((f) => f.id), rule,
  quota, wrong: Object.fromEntries(wrong.map((n) => [n.id, about(n.id)])), summary: result.summary,
  sameUntyped: JSON.stringify(untyped) === JSON.stringify(result),
}));
`;

/** validateInput on one input, as fixtures/dump.mjs reports it. */
interface Attempt {
  readonly what: string;
  readonly findings?: Finding[];
  readonly threw?: string;
  readonly bad?: string;
}

interface Dumped {
  readonly exports: string[];
  readonly tscExports: string[];
  readonly js: { notice: unknown; rules: RuleInfo[]; schema: SlateSchema };
  readonly tsc: { notice: unknown; rules: RuleInfo[]; schema: SlateSchema };
  readonly smoke: Attempt[];
  readonly smokeTsc: Attempt[];
  readonly exotic: Attempt[];
}

interface Consumer {
  readonly code: string;
  readonly awards: string[];
  readonly rules: number;
  readonly fields: string[];
  readonly rule: RuleInfo;
  readonly quota: Finding[];
  readonly wrong: Record<string, Finding[]>;
  readonly summary: { nominees: number; errors: number };
  readonly sameUntyped: boolean;
}

// ── Setup: compile, pack, install, type-check, run ─────────────────────────────────────────────

let scratch = '';
let cases: Case[] = [];
let stress: Case;
let install: Run;
let installedBy = '';
let tsc: Run;
let dump: Run;
/** What fixtures/dump.mjs printed, per package; a test that needs it fails with node's stderr if it failed. */
let dumpedAll: Record<string, Dumped> | undefined;
function dumped(name: string): Dumped {
  if (dump.status !== 0) throw new Error(`importing the packages failed:\n${dump.stderr}`);
  dumpedAll ??= JSON.parse(dump.stdout) as Record<string, Dumped>;
  return dumpedAll[name]!;
}
let consumer: Run;

beforeAll(() => {
  if (!existsSync(join(RUNTIME, 'dist/index.js')) || !existsSync(join(RUNTIME, 'dist/index.d.ts'))) {
    throw new Error('packages/runtime/dist is missing: build it first (npx tsc -b, or npm test, which builds)');
  }
  scratch = mkdtempSync(join(tmpdir(), 'awardrules-generated-'));
  if (!relative(ROOT, scratch).startsWith('..')) throw new Error(`the scratch directory ${scratch} is inside the repository`);

  cases = EXAMPLES.map((e) => makeCase(e, join(ROOT, 'examples', `${e}.award`), readFileSync(join(ROOT, 'examples', `${e}.award`), 'utf8'), `examples/${e}.award`));
  const stressFile = join(scratch, 'stress.award');
  writeFileSync(stressFile, readFileSync(FIXTURE, 'utf8').replaceAll('@RAW@', RAW));
  stress = makeCase('stress', stressFile, readFileSync(stressFile, 'utf8'), 'test/compiler/fixtures/stress.award');
  cases.push(stress);
  // Lists named after every type name the examples' modules use.
  const collideFile = join(scratch, 'collide.award');
  writeFileSync(collideFile, collisionText(typeNamesOf(cases.filter((c) => c !== stress).map((c) => fileText(c.files, `${c.name}.ts`)))));
  cases.push(makeCase('collide', collideFile, readFileSync(collideFile, 'utf8'), 'collide.award'));

  // Each package as `awardc compile` writes it, packed with npm and installed into a project of its own.
  const consumerDir = join(scratch, 'consumer');
  mkdirSync(join(consumerDir, 'src'), { recursive: true });
  for (const c of cases) {
    writeFiles(join(scratch, 'packages', c.name), c.files);
    writeFileSync(join(consumerDir, 'src', `${c.name}.ts`), fileText(c.files, `${c.name}.ts`));
  }
  writeFileSync(join(consumerDir, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  mkdirSync(join(scratch, 'tarballs'));
  const pack = npm(['pack', '--pack-destination', join(scratch, 'tarballs'), RUNTIME, ...cases.map((c) => `./packages/${c.name}`)], scratch, scratch);
  const tarballs = readdirSync(join(scratch, 'tarballs')).filter((f) => f.endsWith('.tgz')).map((f) => join(scratch, 'tarballs', f));
  if (pack.status === 0 && tarballs.length === cases.length + 1) {
    install = npm(['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs], consumerDir, scratch);
    installedBy = 'npm';
  } else {
    install = pack;
  }
  if (install.status !== 0) {
    // npm is missing or wants the network: install by hand, as npm would lay the packages out.
    installedBy = 'copy';
    const copy = (from: string, to: string, entries: readonly string[]) => {
      for (const e of entries) rmSync(join(to, e), { recursive: true, force: true });
      mkdirSync(to, { recursive: true });
      for (const e of entries) spawnSync('cp', ['-R', join(from, e), join(to, e)]);
    };
    copy(RUNTIME, join(consumerDir, 'node_modules/@awardrules/runtime'), ['package.json', 'dist', 'NOTICE']);
    for (const c of cases) copy(join(scratch, 'packages', c.name), join(consumerDir, 'node_modules', c.pkg), c.files.map((f) => f.path));
  }

  writeFileSync(join(consumerDir, 'compat.ts'), compatSource(cases));
  writeFileSync(join(consumerDir, 'main.ts'), MAIN);
  writeFileSync(join(consumerDir, 'dump.mjs'), readFileSync(join(ROOT, 'test/compiler/fixtures/dump.mjs')));
  writeFileSync(join(consumerDir, 'tsconfig.json'), `${JSON.stringify({
    compilerOptions: { ...STRICT, outDir: 'out', rootDir: '.', types: [], skipLibCheck: false, noEmitOnError: false },
    files: ['main.ts', 'compat.ts', ...cases.map((c) => `src/${c.name}.ts`), ...cases.map((c) => `node_modules/${c.pkg}/${c.name}.d.ts`)],
  }, null, 2)}\n`);
  const t = spawnSync(process.execPath, [TSC, '-p', consumerDir, '--pretty', 'false'], { cwd: consumerDir, encoding: 'utf8' });
  tsc = { status: t.status, stdout: t.stdout, stderr: t.stderr };

  dump = node(['dump.mjs', JSON.stringify(cases.map((c) => [c.name, c.pkg]))], consumerDir);
  consumer = node(['out/main.js'], consumerDir);
}, 120_000);

afterAll(() => {
  // AWARDRULES_KEEP_SCRATCH=1 keeps the consumer project for a look (its path is printed).
  if (process.env['AWARDRULES_KEEP_SCRATCH']) console.log(`kept ${scratch}`);
  else if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// ── Tests ───────────────────────────────────────────────────────────────────────────────────────

describe('generated validator packages', () => {
  it('install into a project outside the repository with npm, offline', () => {
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    expect(installedBy).toBe('npm');
    for (const c of [...cases.map((x) => x.pkg), '@awardrules/runtime']) expect(existsSync(join(scratch, 'consumer/node_modules', c, 'package.json'))).toBe(true);
  });

  it('type-check with tsc --strict (and every stricter flag): the .ts, the .d.ts alone, and consumers of both', () => {
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('declare in the .d.ts exactly what the .ts exports, and export exactly that from the .js', () => {
    for (const c of cases) {
      const ts = exportedNames(fileText(c.files, `${c.name}.ts`), false);
      const dts = exportedNames(fileText(c.files, `${c.name}.d.ts`), true);
      expect(dts, c.name).toEqual(ts);
      expect(dts.values, c.name).toEqual(['notice', 'rules', 'schema', 'validate', 'validateInput']);
      expect(dts.types, c.name).toEqual(expect.arrayContaining(['Nominee', 'Slate', 'NomineeBase', 'PublicityInput', 'MaterialInput', 'PublicityLevel']));
      // compat.ts, type-checked above, holds each of these equal type by type.
      expect(dumped(c.name).exports, c.name).toEqual(dts.values);
      expect(dumped(c.name).tscExports, c.name).toEqual(dts.values);
    }
  });

  it('carry the model\'s texts exactly in notice, rules and schema, from esbuild\'s .js and from tsc\'s', () => {
    for (const c of cases) {
      const want = { notice: expectedNotice(c.doc), rules: ruleInfos(c.doc.model, c.doc.lines), schema: slateSchema(c.doc.model) };
      expect(dumped(c.name).js, c.name).toEqual(want);
      expect(dumped(c.name).tsc, c.name).toEqual(want);
    }
  });

  it('carry texts that try to break out of literals and comments, as written in the rule file', () => {
    const { notice, rules, schema } = dumped('stress').js as { notice: Record<string, unknown>; rules: RuleInfo[]; schema: SlateSchema };
    // The rule file's escapes decoded by hand, independently of the lexer.
    expect(notice['code']).toBe(`测"试"〔2024〕1号 */ /* \`tick\` \${x} \\ </script> ${RAW} 𠀀`);
    expect(notice['title']).toBe(`标题："双引号" 'single' \`back\` \${injected} */ /* \\ \u2028 \u2029 </script><!-- 😀 𠀀 \t tab \n newline ${RAW}`);
    expect(notice['issuers']).toEqual([
      '发文"单位" */ //',
      '第二单位 ${x} `y` \u{20000}\u{1F600}\u{10FFFF}\uFFFF',
      '控制 \u0000 \u0001 \u001b \u007f \u0085 \u200d \u202e 反向 \uD800 孤代理',
    ]);
    expect(notice['awards']).toEqual([{
      id: 'person', kind: 'individual',
      zh: `个人奖 "P" */ \`b\` \${p} \\ 😀 𠀀 👨‍👩‍👧 🇨🇳 ${RAW}`, en: 'Person award "P" */ ${p} \u2028 </script>',
    }]);
    const field = (id: string) => schema.fields.find((f) => f.id === id)!;
    const listed = (id: string) => field(id) as FieldSchema & { readonly values: readonly string[]; readonly labels: Readonly<Record<string, Localized>> };
    expect(field('在职·𠀀')).toMatchObject({ prop: '在职·𠀀', label: { zh: `在职 */ "q" \\ ${RAW}`, en: 'serving `x` ${y}' } });
    expect(field('unit-name').label).toEqual({ zh: '单位全称 ${u} */', en: 'unit name */ \uD800' });
    const region = listed('region');
    expect(region.values).toEqual(['east', '买买提·艾力', '县（市、区）级', '__proto__', 'constructor']);
    expect(Object.keys(region.labels)).toEqual(region.values);
    expect(region.labels['east']).toEqual({ zh: `东区 "E" ${RAW}`, en: 'East ${region} */' });
    expect(region.labels['买买提·艾力']!.zh).toBe('名·字 \u0001\u001f\u007f\u0085\ufeff');
    expect(Object.getOwnPropertyDescriptor(region.labels, '__proto__')?.value).toEqual({ zh: '原型', en: '__proto__' });
    const ext = listed('ext-b-kind');
    expect(ext.labels).toEqual({ '𠀀甲': { zh: '𠀀甲值 `t`', en: 'value A \\ end' }, 乙值: { zh: '乙 \u2028 值', en: '乙值' } });
    const attested = listed('attested');
    expect(attested.labels['duty']!.zh).toBe(`履职 "尽责" */ /* \`x\` \${y} \\ \u2028 \u2029 </script> 😀 𠀀 \u0000 ${RAW}`);
    expect(attested.labels['a1']!.zh).toBe("任一 'a' \t \n \uD800");
    expect(attested.labels['a2']!.zh).toBe('中文引号 "直引号" ${z} */ \\n 不转义');
    const publicity = rules.find((r) => r.kind === 'publicity')!;
    expect(publicity.clause).toBe(`四(一) */ "x" ${RAW}`);
    expect(publicity.text.zh).toContain(`推荐"上报" */ \`s\` \${s} \\ ${RAW}`);
    const material = rules.find((r) => r.kind === 'material')!;
    expect(material.text.zh).toContain(`事迹 "材料" */ \${m} \\ \`x\` ${RAW}`);
    expect(material.text.zh).toContain('照片 */ </script>');
    expect(rules.find((r) => r.kind === 'prefer')!.text.zh).toContain(`优先 "向" */ \${p} \`x\` \\ \u2028 ${RAW}`);
    expect(rules.find((r) => r.kind === 'exclude' && r.text.en.includes('unit name'))!.text.zh).toContain(`某"单位" */ \${x} \\ \`y\` \u2029 </script> ${RAW}`);
  });

  it('keep lists whose type names collide with the module\'s own apart', () => {
    const ts = fileText(stress.files, 'stress.ts');
    for (const name of ['Context', 'Checked', 'Counted', 'Failure', 'Localized', 'RuleInfo', 'SlateSchema', 'Record', 'Readonly', 'ReadonlySet', 'ReadonlyMap', 'PublicityLevel']) {
      expect(ts, name).toMatch(new RegExp(`^export type ${name}_ = `, 'm'));
    }
    // collide.award has a list for every type name the examples' modules import, declare or use
    // (type-checked above): each gets an alias of its own.
    const names = typeNamesOf(cases.filter((c) => c !== stress && c.name !== 'collide').map((c) => fileText(c.files, `${c.name}.ts`)));
    expect(names).toEqual(expect.arrayContaining(['Context', 'Nominee', 'ReadonlySet', 'RuleInfo', 'Slate', 'SlateSchema', 'ValidationResult']));
    const collide = fileText(cases.find((c) => c.name === 'collide')!.files, 'collide.ts');
    const aliases = [...collide.matchAll(/^export type (\w+) = "v1" \| "v2";$/gm)].map((m) => m[1]!);
    expect(new Set(aliases).size).toBe(names.length);
    // Where collide.ts itself imports, declares or uses the name, the list's alias got another.
    const taken = typeNamesOf([collide.replace(/^export type \w+ = "v1" \| "v2";$/gm, '')]);
    expect(taken).toEqual(expect.arrayContaining(['Context', 'Nominee', 'RuleInfo', 'Slate']));
    for (const name of taken.filter((n) => names.includes(n))) expect(aliases, name).toContain(`${name}_`);
    // And the generated code never holds a raw line separator, which older JavaScript tools take as a line break.
    for (const f of stress.files.filter((x) => x.path !== 'package.json')) expect(/[\u2028\u2029]/.test(f.text), f.path).toBe(false);
  });

  it('count values named like Object.prototype\'s properties as plain values', async () => {
    // region `constructor` has no row in the quota table (so 0 places), `__proto__` has a row of 0.
    const { interpreted, compiled } = await implementations(stress.text, relative(ROOT, stress.file));
    const slate = { nominees: ['constructor', '__proto__', 'east'].map((region, i) => ({ id: `n${i}`, name: `N${i}`, award: 'person', selected: true, region })) };
    const perRegion = (findings: readonly Finding[]) => findings.filter((f) => f.kind === 'quota' && f.fields.includes('region')).map((f) => ({ measured: f.measured, required: f.required }));
    expect(perRegion(compiled(slate).findings)).toEqual([
      { measured: { en: '__proto__: 1', zh: '原型：1' }, required: { en: 'at most 0', zh: '不超过0' } },
      { measured: { en: 'constructor: 1', zh: '构造：1' }, required: { en: 'at most 0', zh: '不超过0' } },
    ]);
    expect(compiled(slate)).toEqual(interpreted(slate));
  });

  it('serve a typed consumer: wrong values do not type-check, and the findings name the rule in both languages', () => {
    expect(consumer.stderr).toBe('');
    expect(consumer.status).toBe(0);
    const out = JSON.parse(consumer.stdout) as Consumer;
    expect(out.code).toBe('吉人社联〔2023〕165号');
    expect(out.awards).toEqual(['advanced-org', 'advanced-person']);
    expect(out.rule).toMatchObject({ id: 'J23-QUOTA-2', kind: 'quota', award: 'advanced-person' });
    expect(out.quota).toHaveLength(1);
    const q = out.quota[0]!;
    expect(q).toMatchObject({ rule: 'J23-QUOTA-2', tags: ['J23-QUOTA-2'], kind: 'quota', severity: 'error', clause: '二(二)' });
    expect(q.nominee).toBeUndefined();
    // The count and the limit, and the rule's own sentence, in both languages.
    for (const lang of ['zh', 'en'] as const) {
      expect(q.measured?.[lang], lang).toContain('51');
      expect(q.required?.[lang], lang).toContain('50');
      expect(q.message[lang].startsWith(out.rule.text[lang]), `${lang}: ${q.message[lang]}`).toBe(true);
      expect(q.message[lang], lang).toContain('51');
    }
    expect(q.message.zh).toMatch(/表彰名额/);
    expect(q.message.en).toMatch(/^Awards: at most 50\b/);
    // What the types refuse, the runtime refuses too.
    expect(out.wrong['bad-rank']!.some((f) => f.kind === 'data' && f.fields.includes('rank'))).toBe(true);
    expect(out.wrong['bad-selected']!.some((f) => f.kind === 'data' && f.fields.includes('selected'))).toBe(true);
    expect(out.wrong['bad-award']!.some((f) => f.kind === 'data' && f.fields.includes('award'))).toBe(true);
    expect(out.wrong['bad-kind']!.some((f) => f.kind === 'data' && f.fields.includes('kind'))).toBe(true);
    expect(out.summary.nominees).toBe(56);
    expect(out.sameUntyped).toBe(true);
  });

  it('never throw from validateInput on malformed input (five examples and the stress file)', () => {
    for (const c of cases) {
      const d = dumped(c.name);
      expect(d.smoke.filter((r) => r.threw !== undefined || r.bad !== undefined), c.name).toEqual([]);
      // Input without a list of nominees is reported as such; other malformed input gets data findings.
      for (const r of d.smoke.filter((x) => x.what === 'not a slate')) {
        const data = r.findings!.filter((f) => f.kind === 'data');
        expect(data, c.name).toEqual([expect.objectContaining({ rule: 'data', severity: 'error', fields: [], message: expect.objectContaining({ en: expect.stringContaining('no list of nominees') }) })]);
      }
      for (const r of d.smoke.filter((x) => x.what !== 'not a slate')) {
        expect(r.findings!.some((f) => f.kind === 'data'), `${c.name}: ${r.what}`).toBe(true);
      }
      // tsc's translation of the .ts behaves exactly as esbuild's.
      expect(d.smokeTsc, c.name).toEqual(d.smoke);
    }
  });

  // An entry that is not a record has no nominee to carry its finding: it is reported on the slate.
  it('report slate entries that are not records', () => {
    for (const c of cases) {
      for (const r of dumped(c.name).smoke.filter((x) => x.what === 'entries that are not records')) {
        expect(r.findings!.some((f) => f.kind === 'data' && f.message.en.includes('not a nominee record')), `${c.name}: ${r.what}`).toBe(true);
      }
    }
  });

  // KNOWN BUG (runtime, not compiler): `show` in packages/runtime/src/validation/schema.ts quotes a bad
  // value with JSON.stringify, which throws on a value that contains itself and on a BigInt, so
  // validateInput, documented never to throw, throws. Remove `.fails` once that is fixed.
  it('never throw from validateInput on values JSON cannot hold', () => {
    for (const c of cases) expect(dumped(c.name).exotic.filter((r) => r.threw !== undefined), c.name).toEqual([]);
  });
});

describe('compiling is deterministic', () => {
  it('gives the same bytes on every compile, and from a fresh parse of the same text', () => {
    for (const c of cases) {
      expect(compileDocument(c.doc, `examples/${c.name}.award`), c.name).toEqual(c.files);
      const again = checkedDocument(c.text, relative(ROOT, c.file));
      expect(compileDocument(again, `examples/${c.name}.award`), c.name).toEqual(c.files);
    }
  });

  it('does not depend on how the rule file\'s path is spelt: the header names the file only', () => {
    for (const c of [cases[0]!, stress]) {
      for (const source of [`${c.name}.award`, join(ROOT, 'examples', `${c.name}.award`), `C:\\Users\\某人\\rules\\${c.name}.award`, `./a/../${c.name}.award`]) {
        expect(compileDocument(c.doc, source), source).toEqual(c.files);
      }
    }
    // Nor on where the rule file sits (stress.award reads no other file).
    expect(compileDocument(checkedDocument(stress.text, 'some/where/else/stress.award'), 'stress.award')).toEqual(stress.files);
    for (const c of cases) {
      for (const f of [`${c.name}.ts`, `${c.name}.d.ts`]) {
        expect(fileText(c.files, f).split('\n')[0]).toBe(`// Generated by awardc from ${c.name}.award. Do not edit: change the rule file and compile again.`);
      }
    }
  });

  it('gives the same bytes through the CLI, from any directory, path, time zone and locale', () => {
    const out = (c: Case) => join(scratch, 'cli', c.name);
    // Four runs (each loads ts-morph, about a second): the same bytes as compiled in this process, whatever
    // the spelling of the path, the working directory, the time zone or the locale.
    const runs: [Case, string[], string, Record<string, string>][] = [
      [cases[0]!, [`examples/${cases[0]!.name}.award`], ROOT, {}],
      [cases[1]!, [cases[1]!.file], tmpdir(), { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' }],
      [cases[4]!, [`../examples/./${cases[4]!.name}.award`], join(ROOT, 'test'), { TZ: 'America/Los_Angeles', LC_ALL: 'C' }],
      [stress, ['stress.award'], scratch, { TZ: 'Etc/GMT+12' }],
    ];
    for (const [c, file, cwd, env] of runs) {
      const r = awardc(['compile', ...file, '-o', out(c)], { cwd, env });
      expect(r.stderr, c.name).toBe('');
      expect(r.code, c.name).toBe(0);
      expect(readdirSync(out(c)).sort(), c.name).toEqual(c.files.map((f) => f.path).sort());
      for (const f of c.files) expect(readFileSync(join(out(c), f.path), 'utf8'), `${c.name}: ${f.path}`).toBe(f.text);
    }
  });
});

