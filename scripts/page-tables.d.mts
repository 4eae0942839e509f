export const FACTORS_MODULE: RegExp;
export const COMMON_TEXT_MODULE: RegExp;
export const COMMON_TEXT_NAME: string;
export function dropKeys(source: string, name: string, drop: readonly string[], fileName?: string): string;
export function keepFactors(source: string, keep: readonly string[], fileName?: string): string;
