/**
 * The example slates: each notice has a slate that passes (notes only) and a failing copy whose every
 * finding was planted on purpose (examples/slates/*.ts writes both, with the list of findings it
 * planted). Both implementations must find exactly the planted findings: no more, no fewer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSlate } from '@awardrules/slate';
import type { Finding } from '@awardrules/runtime';
import { awardc, EXAMPLES, ROOT } from './support.js';
import { brief, checkedDocument, compiledValidator, type Validate } from './validation/support.js';
import { createReferenceValidator } from '@awardrules/interpreter';

const SLATES = `${ROOT}examples/slates/`;

interface Planted {
  readonly rule: string;
  readonly nominee: string;
  readonly severity: string;
}

function slateOf(example: string, kind: 'pass' | 'fail'): string | undefined {
  const file = readdirSync(SLATES).find((f) => f.startsWith(`${example}.${kind}.`) && /\.(xlsx|csv|json)$/.test(f) && !f.endsWith('.expected.json'));
  return file ? `${SLATES}${file}` : undefined;
}

async function validateBoth(example: string, slate: string): Promise<{ interpreted: Finding[]; compiled: Finding[] }> {
  const doc = checkedDocument(readFileSync(`${ROOT}examples/${example}.award`, 'utf8'), `examples/${example}.award`);
  const read = await readSlate(slate, readFileSync(slate), doc.model);
  const run = (v: Validate) => [...read.issues, ...v(read.slate).findings];
  const reference = createReferenceValidator(doc.model, doc.lines);
  return { interpreted: run((input, o) => reference(input as never, o)), compiled: run(await compiledValidator(doc, example)) };
}

describe.each(EXAMPLES)('%s', (example) => {
  const pass = slateOf(example, 'pass');
  const fail = slateOf(example, 'fail');

  it('has a passing and a failing example slate', () => {
    expect(pass, 'passing slate').toBeDefined();
    expect(fail, 'failing slate').toBeDefined();
  });

  it.runIf(pass)('passing slate: no errors and no warnings, in either implementation', async () => {
    const { interpreted, compiled } = await validateBoth(example, pass!);
    expect(compiled).toEqual(interpreted);
    expect(interpreted.filter((f) => f.severity !== 'info').map((f) => `${brief(f)}: ${f.message.en}`)).toEqual([]);
  });

  it.runIf(fail)('failing slate: exactly the planted findings', async () => {
    const expectedFile = fail!.replace(/\.(xlsx|csv|json)$/, '.expected.json');
    expect(existsSync(expectedFile)).toBe(true);
    const planted = (JSON.parse(readFileSync(expectedFile, 'utf8')) as Planted[]).map((p) => `${p.rule} ${p.nominee} ${p.severity}`);
    const { interpreted, compiled } = await validateBoth(example, fail!);
    expect(compiled).toEqual(interpreted);
    expect(interpreted.map(brief).sort()).toEqual(planted.sort());
  });
});

describe('awardc validate on the example slates', () => {
  const example = 'jilin-2023-social-orgs';
  it('exits 0 on the passing slate and 1 on the failing one, naming nominees and rows', () => {
    const ok = awardc(['validate', `examples/${example}.award`, `examples/slates/${example}.pass.xlsx`]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const bad = awardc(['validate', `examples/${example}.award`, `examples/slates/${example}.fail.xlsx`, '--lang', 'zh']);
    expect(bad.code).toBe(1);
    // P016 reached the province late (J23-DEADLINE-1): named with its row, in Chinese, with what was found.
    expect(bad.stdout).toMatch(/● P016 \S+（第 55 行）\n {2}错误 #J23-DEADLINE-1 .*\n.*实际：报送于2024-03-18；要求：2024-03-15前/);
    // The second P020 points at the first by row.
    expect(bad.stdout).toMatch(/编号 P020 重复（另见第 59 行）/);
    expect(bad.stdout).toMatch(/共 97 名推荐对象：24 个错误、3 个警告、1 个提示/);
  });

  it('gives the same findings as JSON', () => {
    const run = awardc(['validate', `examples/${example}.award`, `examples/slates/${example}.fail.xlsx`, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    const planted = (JSON.parse(readFileSync(`${SLATES}${example}.fail.expected.json`, 'utf8')) as Planted[]).map((p) => `${p.rule} ${p.nominee} ${p.severity}`);
    expect(report.findings.map(brief).sort()).toEqual(planted.sort());
  });
});
