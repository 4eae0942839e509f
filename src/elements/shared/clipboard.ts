/** What happened when the user asked to copy. */
export type CopyOutcome = 'copied' | 'selected' | 'failed';

/**
 * Copies `text` with the async Clipboard API. Where that is missing (a page on plain `http:`) or
 * refused, selects the contents of `fallback` instead, so that the user can copy with the
 * keyboard or the context menu.
 */
export async function copyText(text: string, fallback?: Node | null): Promise<CopyOutcome> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused (no permission, document not focused): fall back to a selection.
  }
  return fallback && selectContents(fallback) ? 'selected' : 'failed';
}

/** Selects everything inside `node` (shadow trees included). */
export function selectContents(node: Node): boolean {
  const selection = typeof getSelection === 'function' ? getSelection() : null;
  if (!selection) return false;
  selection.removeAllRanges();
  // selectAllChildren, not addRange: WebKit ignores ranges added inside a shadow tree.
  selection.selectAllChildren(node);
  return selection.rangeCount > 0;
}
