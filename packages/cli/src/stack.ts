/**
 * A stack trace with the bundle's frames mapped back to the sources through the bundle's source map.
 * The CLI runs minified code compiled by `vm.Script` (code-cache.ts), to which Node 20 applies no
 * source map, even with --enable-source-maps; `AWARDC_DEBUG=1` prints the mapped trace of a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';

export function mappedStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      let map: SourceMap | undefined;
      try {
        if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = undefined; // an unreadable map: the frame stays as it is
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  // `at name (file:line:col)` or `at file:line:col`; lines and columns are 1-based, the map's 0-based.
  return stack.replace(/(\(|at )([^()\s]+):(\d+):(\d+)(\)?)$/gm, (whole, open: string, file: string, line: string, column: string, close: string) => {
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return whole;
    const source = resolve(dirname(file), entry.originalSource.replace(/^file:\/\//, ''));
    return `${open}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${close}`;
  });
}
