/** How the server checks a document, on its own thread or in the background (background.ts): as `awardc check` does. */
import { buildDocument, type AwardDocument, type Reuse } from '@awardrules/language';
import { pathOfUri, readReferencedFile } from './files.js';

export interface BuildSettings {
  readonly catalog?: ReadonlySet<string>;
}

export interface HowToBuild {
  /** For checks whose model is not kept: references for navigation are not recorded. */
  readonly diagnosticsOnly?: boolean;
  /** An earlier document of the same file, whose parse is reused where the edit did not touch it. */
  readonly reuse?: Reuse;
}

export function buildFor(uri: string, text: string, settings: BuildSettings, how: HowToBuild = {}): AwardDocument {
  const path = pathOfUri(uri);
  // Tables are read relative to the rule file; an unsaved document has no folder to read them from.
  return buildDocument(uri, text, {
    ...(path ? { fileName: path, readFile: readReferencedFile } : { readFile: () => undefined }),
    ...(settings.catalog ? { catalog: settings.catalog } : {}),
    references: !how.diagnosticsOnly,
  }, how.reuse);
}
