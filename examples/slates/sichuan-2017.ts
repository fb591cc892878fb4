/** Slates for the sichuan-2017 notice: being written. */
import type { SlatePair } from './lib.js';

export function sichuan2017(): SlatePair {
  throw new Error('the sichuan-2017 slates are not written yet');
}
