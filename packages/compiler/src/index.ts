/** Compiles a checked rule file into a validator package: source, JavaScript, declarations, package.json. */
import { type AwardDocument } from '@awardrules/language';
import { emitModule } from './emit.js';

export interface CompiledFile {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Base name of the files (default: the rule file's name). */
  readonly name?: string;
  /** Version range of @awardrules/runtime the package depends on. */
  readonly runtimeVersion?: string;
}

export function compileDocument(doc: AwardDocument, source: string, options: CompileOptions = {}): CompiledFile[] {
  const name = options.name ?? source.replace(/^.*[\\/]/, '').replace(/\.award$/, '');
  const mod = emitModule(doc, source);
  const pkg = {
    name: `awardrules-validator-${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'rules'}`,
    version: '1.0.0',
    description: `AwardRules validator for ${doc.model.notice.code ?? doc.model.notice.title ?? name}`,
    type: 'module',
    main: `./${name}.js`,
    types: `./${name}.d.ts`,
    exports: { '.': { types: `./${name}.d.ts`, default: `./${name}.js` } },
    files: [`${name}.js`, `${name}.d.ts`, `${name}.ts`],
    sideEffects: false,
    engines: { node: '>=20.19' },
    dependencies: { '@awardrules/runtime': options.runtimeVersion ?? '^0.1.0' },
  };
  return [
    { path: `${name}.ts`, text: mod.ts },
    { path: `${name}.js`, text: mod.js },
    { path: `${name}.d.ts`, text: mod.dts },
    { path: 'package.json', text: `${JSON.stringify(pkg, null, 2)}\n` },
  ];
}

export { emitModule, type CompiledModule } from './emit.js';
