export const PAGES: Record<string, string>;
export const CALLS: Record<string, string[]>;
export const MODES: string[];
export const BUDGETS: Record<string, number>;
export const CEILINGS: Record<string, number>;
export function dropsOf(name: string): string[];
export function cdnFiles(): { name: string; contents: string; mode: string }[];
export function ceilingOf(name: string): number;
export function budgetOf(name: string): number;
