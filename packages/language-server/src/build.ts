/** How the server checks a document, on its own thread or in the background (background.ts): as `awardc check` does. */
import { buildDocument, type AwardDocument } from '@awardrules/language';
import { pathOfUri, readReferencedFile } from './files.js';

export interface BuildSettings {
  readonly catalog?: ReadonlySet<string>;
}

/** `diagnosticsOnly`: for checks whose model is not kept, which skip recording references for navigation. */
export function buildFor(uri: string, text: string, settings: BuildSettings, diagnosticsOnly = false): AwardDocument {
  const path = pathOfUri(uri);
  // Tables are read relative to the rule file; an unsaved document has no folder to read them from.
  return buildDocument(uri, text, {
    ...(path ? { fileName: path, readFile: readReferencedFile } : { readFile: () => undefined }),
    ...(settings.catalog ? { catalog: settings.catalog } : {}),
    references: !diagnosticsOnly,
  });
}
