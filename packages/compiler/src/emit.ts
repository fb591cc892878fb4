/**
 * Assembles a validator module with ts-morph: TypeScript source, JavaScript (transpiled, no type
 * check: compiling stays fast) and a declaration file written from the same structures. The output is
 * byte-for-byte the same for the same rule file.
 */
import { transformSync } from 'esbuild';
import { Project, StructureKind, ts, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import type { AwardDocument } from '@awardrules/language';
import { ruleInfos, slateSchema } from '@awardrules/language';
import { formatDay } from '@awardrules/runtime';
import { commentText, lit } from './names.js';
import { RuleCompiler } from './rules.js';
import { inputTypes, type TypeDeclarations } from './types.js';

export interface CompiledModule {
  readonly ts: string;
  readonly js: string;
  readonly dts: string;
}

const RUNTIME_VALUES = ['attestVerdict', 'checkControlled', 'checkCount', 'checkPreference', 'checkShare', 'consultVerdict', 'deadlineVerdict', 'elapsed',
  'EXCEPTION_APPLIES', 'exceptionNotShown', 'fieldsText', 'inPeriod', 'materialVerdict', 'NO_ROUTE', 'notForAward', 'notUnderCondition', 'PASSED', 'publicityVerdict',
  'runValidation', 't', 'valueText', 'withinWindow'];
/** Runtime types a consumer names when it handles results: re-exported, so it needs no import of its own. */
const RESULT_TYPES = ['Finding', 'RuleInfo', 'Severity', 'TraceEntry', 'ValidationOptions', 'ValidationResult'];
const RUNTIME_TYPES = ['Belongs', 'Context', 'Day', 'EventRecord', 'FieldSchema', 'Localized', 'MaterialSpec', 'Nominee as Checked', 'NomineeVerdict',
  'PublicitySpec', 'RuleCheck', 'RuleInfo', 'SlateSchema', 'SlateVerdict', 'ValidationOptions', 'ValidationResult'];

/** Fixed helpers every module carries. */
const HELPERS = `const EMPTY: ReadonlySet<string> = new Set<string>();
const FIELDS: ReadonlyMap<string, FieldSchema> = new Map(schema.fields.map((f) => [f.id, f]));
function F(id: string): FieldSchema {
  return FIELDS.get(id)!;
}

/** A compiled condition as the runtime's counts take it: yes, no, or what is missing. */
function belongs(test: (n: Checked, x: Context, m: string[]) => boolean | undefined, x: Context): (n: Checked) => Belongs {
  return (n) => {
    const m: string[] = [];
    const v = test(n, x, m);
    return v === undefined ? { missing: [...new Set(m)] } : v;
  };
}`;

const PUBLIC_INPUT = {
  PublicityInput: [
    { name: 'level', type: 'PublicityLevel', optional: false, doc: 'unit, county, city, province or national' },
    { name: 'unit', type: 'string', optional: true, doc: 'which unit, for nominees with several' },
    { name: 'start', type: 'string', optional: false, doc: 'first day (YYYY-MM-DD)' },
    { name: 'end', type: 'string', optional: false, doc: 'last day (YYYY-MM-DD)' },
  ],
  MaterialInput: [
    { name: 'copies', type: 'number', optional: true },
    { name: 'chars', type: 'number', optional: true, doc: 'number of characters' },
    { name: 'electronic', type: 'boolean', optional: true, doc: 'an electronic copy is included' },
    { name: 'fileName', type: 'string', optional: true },
    { name: 'bytes', type: 'number', optional: true },
    { name: 'format', type: 'string', optional: true, doc: 'jpg, pdf, …' },
  ],
};

/** The type declarations, shared by the module and its declaration file. */
function typeStatements(types: TypeDeclarations): StatementStructures[] {
  const out: StatementStructures[] = [];
  for (const a of types.aliases) out.push({ kind: StructureKind.TypeAlias, name: a.name, type: a.type, isExported: true, ...(a.doc ? { docs: [commentText(a.doc)] } : {}) });
  if (!types.aliases.some((a) => a.name === 'PublicityLevel')) out.push({ kind: StructureKind.TypeAlias, name: 'PublicityLevel', type: '"unit" | "county" | "city" | "province" | "national"', isExported: true });
  for (const [name, props] of Object.entries(PUBLIC_INPUT)) {
    out.push({ kind: StructureKind.Interface, name, isExported: true, properties: props.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional, isReadonly: true, ...('doc' in p && p.doc ? { docs: [p.doc] } : {}) })) });
  }
  for (const i of types.interfaces) {
    out.push({
      kind: StructureKind.Interface, name: i.name, isExported: true, docs: [commentText(i.doc)], ...(i.extends ? { extends: [i.extends] } : {}),
      properties: i.properties.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional, isReadonly: true, ...(p.doc ? { docs: [commentText(p.doc)] } : {}) })),
    });
  }
  for (const u of types.unions) out.push({ kind: StructureKind.TypeAlias, name: u.name, type: u.type, isExported: true, docs: [u.doc] });
  out.push({ kind: StructureKind.Interface, name: 'Slate', isExported: true, docs: ['A slate of nominees (推荐名单).'], properties: [{ name: 'nominees', type: 'readonly Nominee[]', isReadonly: true }] });
  return out;
}

let shared: Project | undefined;

/** One in-memory project, reused: creating a project is the slow part of ts-morph. */
function project(): Project {
  shared ??= new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
  return shared;
}

export function emitModule(doc: AwardDocument, source: string): CompiledModule {
  const model = doc.model;
  const infos = ruleInfos(model, doc.lines);
  const schema = slateSchema(model);
  const types = inputTypes(model);
  const compiler = new RuleCompiler(model);
  compiler.compileAll();
  const notice = {
    ...(model.notice.code ? { code: model.notice.code } : {}), ...(model.notice.title ? { title: model.notice.title } : {}),
    issuers: model.notice.issuers, ...(model.notice.issued !== undefined ? { issued: formatDay(model.notice.issued) } : {}),
    awards: model.awards.map((a) => ({ id: a.id, kind: a.kind, ...(a.zh ? { zh: a.zh } : {}), ...(a.en ? { en: a.en } : {}) })),
  };
  // The file's name only: the output must not depend on where the rule file sits or where awardc runs.
  const header = `// Generated by awardc from ${commentText(source.replace(/^.*[\\/]/, ''))}. Do not edit: change the rule file and compile again.`;
  const validateParams = [{ name: 'slate', type: 'Slate' }, { name: 'options', type: 'ValidationOptions', hasQuestionToken: true }];
  const inputParams = [{ name: 'input', type: 'unknown' }, { name: 'options', type: 'ValidationOptions', hasQuestionToken: true }];

  // The whole module as one structure, printed once (inserting piece by piece re-parses every time).
  const moduleStructure: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@awardrules/runtime', namedImports: RUNTIME_VALUES },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@awardrules/runtime', isTypeOnly: true, namedImports: RUNTIME_TYPES },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: '@awardrules/runtime', isTypeOnly: true, namedExports: RESULT_TYPES },
    ...typeStatements(types),
    { kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const, docs: ['The notice this validator checks.'], declarations: [{ name: 'notice', initializer: `${lit(notice)} as const` }] },
    { kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const, docs: ['Every rule, with its tag, clause, kind, severity and plain-language text.'], declarations: [{ name: 'rules', type: 'readonly RuleInfo[]', initializer: lit(infos) }] },
    { kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const, docs: ['What a slate must carry, field by field.'], declarations: [{ name: 'schema', type: 'SlateSchema', initializer: lit(schema) }] },
  ];
  const body = [HELPERS, ...compiler.predicates.declarations, ...compiler.declarations, `const CHECKS: readonly RuleCheck[] = [\n  ${compiler.checks.join(',\n  ')},\n];`].join('\n\n');
  const tail: StatementStructures[] = [
    { kind: StructureKind.Function, name: 'validate', isExported: true, docs: ['Checks a slate against every rule. Never throws: problems with the input are findings too.'], parameters: validateParams, returnType: 'ValidationResult', statements: 'return runValidation({ schema, rules: CHECKS }, slate, options);' },
    { kind: StructureKind.Function, name: 'validateInput', isExported: true, docs: ['The same as validate, for input whose shape is not known in advance (parsed JSON, a spreadsheet).'], parameters: inputParams, returnType: 'ValidationResult', statements: 'return runValidation({ schema, rules: CHECKS }, input, options);' },
  ];
  const p = project();
  const file = p.createSourceFile('validator.ts', { statements: [header, ...moduleStructure, body, ...tail] }, { overwrite: true });
  const text = file.getFullText();
  p.removeSourceFile(file);
  // Types are only stripped, never checked here (the tests type-check generated code with tsc --strict);
  // esbuild does that in milliseconds where TypeScript's transpiler takes a tenth of a second.
  // esbuild drops ordinary comments; the header goes back on as a banner.
  const js = transformSync(text, { loader: 'ts', format: 'esm', target: 'es2022', legalComments: 'inline', banner: header }).code;

  const declarations: (string | StatementStructures)[] = [
    header,
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@awardrules/runtime', isTypeOnly: true, namedImports: ['RuleInfo', 'SlateSchema', 'ValidationOptions', 'ValidationResult'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: '@awardrules/runtime', isTypeOnly: true, namedExports: RESULT_TYPES },
    ...typeStatements(types),
    { kind: StructureKind.VariableStatement, isExported: true, hasDeclareKeyword: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'notice', type: declaredType(notice) }] },
    { kind: StructureKind.VariableStatement, isExported: true, hasDeclareKeyword: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'rules', type: 'readonly RuleInfo[]' }] },
    { kind: StructureKind.VariableStatement, isExported: true, hasDeclareKeyword: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'schema', type: 'SlateSchema' }] },
    { kind: StructureKind.Function, name: 'validate', isExported: true, hasDeclareKeyword: true, parameters: validateParams, returnType: 'ValidationResult' },
    { kind: StructureKind.Function, name: 'validateInput', isExported: true, hasDeclareKeyword: true, parameters: inputParams, returnType: 'ValidationResult' },
  ];
  const d = p.createSourceFile('validator.d.ts', { statements: declarations }, { overwrite: true });
  const dts = d.getFullText();
  p.removeSourceFile(d);
  return { ts: text, js, dts };
}

/** The literal type of a JSON value, readonly all the way down (as `as const` gives it). */
function declaredType(v: unknown): string {
  if (Array.isArray(v)) return `readonly [${v.map(declaredType).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `readonly ${JSON.stringify(k)}: ${declaredType(x)}`).join('; ')} }`;
  return lit(v);
}
