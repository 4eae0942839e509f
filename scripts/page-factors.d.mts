export const FACTORS_MODULE: RegExp;
export function keepFactors(source: string, keep: readonly string[], fileName?: string): string;
