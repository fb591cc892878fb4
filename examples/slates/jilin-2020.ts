/** Slates for the jilin-2020 notice: being written. */
import type { SlatePair } from './lib.js';

export function jilin2020(): SlatePair {
  throw new Error('the jilin-2020 slates are not written yet');
}
