/**
 * `awardc diff --format json`: the DiffResult as is, with a schema version, so other systems can read
 * it (docs/diff-json.md describes every field).
 */
import type { DiffResult } from '../types.js';
import type { ImpactResult } from '../impact.js';

export const DIFF_JSON_VERSION = 1;

export function diffJson(d: DiffResult, impact?: ImpactResult): string {
  return `${JSON.stringify({ version: DIFF_JSON_VERSION, ...d, ...(impact ? { impact } : {}) }, null, 2)}\n`;
}
