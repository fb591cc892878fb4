export * from './types.js';
export { diffDocuments, hasSemanticChange, pairRules, referenceDay, type DiffOptions, type DiffSide } from './diff.js';
export { align, Translator, type Alignment, type AlignOptions } from './align.js';
export { impactOf, type ImpactResult, type NomineeImpact, type SlateImpact, type Cause } from './impact.js';
export { renderDiff, renderImpact, summaryLine, witnessLine, kindWord, MARKDOWN, PLAIN, type Style } from './render/text.js';
export { diffJson, DIFF_JSON_VERSION } from './render/json.js';
