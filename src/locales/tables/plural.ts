import type { Vars } from '../../elements/shared/localize.js';

// The tables import nothing from the elements at run time (types only), so the single-file bundle
// and a lazily fetched translation share no chunk: these few helpers live here, beside the tables.
export const one = (v: Vars): boolean => Number(v.count) === 1;
export const seconds = (v: Vars): number => Number(v.seconds);
export const plural = (count: string | number | undefined, single: string, other: string): string =>
  Number(count) === 1 ? single : other;
