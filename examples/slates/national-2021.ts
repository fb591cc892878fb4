/** Slates for the national-2021 notice: being written. */
import type { SlatePair } from './lib.js';

export function national2021(): SlatePair {
  throw new Error('the national-2021 slates are not written yet');
}
