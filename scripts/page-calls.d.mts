export const SOURCE_MODULES: RegExp;
export const OPTIONAL_CALLS: string[];
export function dropCalls(source: string, drop: readonly string[], fileName?: string): string;
