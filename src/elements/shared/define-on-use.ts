import { MfaError } from '../../core/errors.js';
import { MfaErrorEvent } from './events.js';

/**
 * A public element that a single-file bundle leaves to a part file (scripts/cdn-pages.mjs): its
 * part is fetched when the first `<tag>` is in the document or enters it, so a page that uses the
 * element on its own still gets it, and `customElements.whenDefined(tag)` resolves then. Watching
 * stops once the tag is defined, however it got defined (an element that opens it may have fetched
 * it first). When the part cannot be fetched, each waiting element reports `mfa-error`
 * (`network_error`, action `load`), and the next `<tag>` added to the document (or the same one put
 * back) fetches it again. A MutationObserver does not see into shadow roots: an element a page
 * renders inside its own shadow root is not seen.
 *
 * `load` may reject or resolve without defining the tag (a loader that never rejects): what counts
 * is whether the tag is defined afterwards.
 */
export function defineOnUse(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag)) return;
  const waiting = new Set<Element>();
  let loading = false;
  const fetchFor = (found: Element[]) => {
    found.forEach((el) => waiting.add(el));
    if (loading || !waiting.size) return;
    loading = true;
    load()
      .then(() => undefined, (cause: unknown) => cause)
      .then((cause) => {
        loading = false;
        const failed = [...waiting];
        waiting.clear();
        if (customElements.get(tag)) return;
        console.error(`mfa-elements: <${tag}> could not be fetched; it is fetched again when one is next added to the page.`);
        failed.forEach((el) => el.dispatchEvent(new MfaErrorEvent({ error: new MfaError('network_error', { cause }), action: 'load' })));
      });
  };
  const found = (nodes: Node[]): Element[] =>
    nodes.flatMap((node) => (node instanceof Element ? [...(node.localName === tag ? [node] : []), ...node.querySelectorAll(tag)] : []));
  const observer = new MutationObserver((records) => fetchFor(found(records.flatMap((r) => [...r.addedNodes]))));
  observer.observe(document, { childList: true, subtree: true });
  void customElements.whenDefined(tag).then(() => observer.disconnect());
  fetchFor(found([document.documentElement]));
}
