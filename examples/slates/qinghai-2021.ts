/** Slates for the qinghai-2021 notice: being written. */
import type { SlatePair } from './lib.js';

export function qinghai2021(): SlatePair {
  throw new Error('the qinghai-2021 slates are not written yet');
}
