/**
 * A pseudo-locale: every English string, accented, 40 % longer and bracketed ⟦…⟧, registered as
 * `en-XA`. Whatever shows on screen (or is announced, labelled, downloaded) outside the brackets
 * did not come from the tables, and is English that would escape every translation.
 */
import { registerTranslation, type Template } from '../../src/i18n/localize.js';
import { en } from './en-table.js';

export const PSEUDO = 'en-XA';
const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀćđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁĆĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

function accent(text: string): string {
  // Placeholders stay as they are; vowels are doubled, then padding brings the text to 140 %.
  const out = text
    .split(/(\{\w+(?::\w+)?\})/)
    .map((part, i) => (i % 2 ? part : [...part].map((c) => (/[aeiou]/i.test(c) ? ACCENTS[c]!.repeat(2) : ACCENTS[c] ?? c)).join('')))
    .join('');
  const visible = text.replace(/\{\w+(?::\w+)?\}/g, '').length;
  const pad = Math.max(0, Math.ceil(visible * 1.4) - out.replace(/\{\w+(?::\w+)?\}/g, '').length);
  return `⟦${out}${'ː'.repeat(pad)}⟧`;
}

const pseudoOf = (t: Template): Template =>
  typeof t === 'string'
    ? accent(t)
    : typeof t === 'object'
      ? (Object.fromEntries(Object.entries(t).map(([k, v]) => [k, k === 'plural' ? v : accent(v as string)])) as Template)
      : t;

export function registerPseudo(): void {
  registerTranslation(
    PSEUDO,
    Object.fromEntries(Object.entries(en).map(([ns, table]) => [ns, Object.fromEntries(Object.entries(table).map(([k, t]) => [k, pseudoOf(t as Template)]))])),
  );
}

/** Text that is data, not prose: codes, addresses, numbers, and what Intl wrote (it is localized by the platform). */
const DATA = [
  /[\w.+•*-]+@[\w.-]+/g, // email addresses, masked (j•••@example.com) or not
  /\+?\d[\dX•*\s-]*\d/g, // phone numbers, masked
  /\b(?:in\s\d+\sseconds?|\d+\sseconds?)\b/g, // Intl.RelativeTimeFormat / NumberFormat output in en-XA
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d+,\s\d{4}\b/g, // dates, long or medium ("Added Dec 7, 2026")
];

/** What is left of `text` once translated segments and data are removed: English if it has letters or punctuation. */
export function leftover(text: string, data: string[] = []): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const value of data) rest = rest.split(value).join(' ');
  for (const pattern of DATA) rest = rest.replace(pattern, ' ');
  // Words, or sentence punctuation added outside a string (“affichera:” with its colon in code).
  return /[A-Za-z]{2,}|[:;?!.,…]/.test(rest) ? rest.replace(/\s+/g, ' ').trim() : '';
}

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext'];

export interface Found {
  where: string;
  text: string;
}

/**
 * Every piece of text a user can meet in `root` and the shadow roots below it: text nodes (visible
 * or screen-reader only), and the attributes that become accessible names or tooltips. Codes and
 * keys (`<code>`, `translate="no"`) are data and skipped; so are `<style>` and `<svg>` internals.
 */
export function texts(root: Element | ShadowRoot, out: Found[] = [], path = ''): Found[] {
  const host = root instanceof ShadowRoot ? root.host : root;
  const here = `${path}${host.localName}`;
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text) out.push({ where: here, text });
    } else if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'code' || node.closest('[translate="no"]')) continue;
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value) out.push({ where: `${here} ${node.localName}[${name}]`, text: value });
      }
      if (node instanceof HTMLInputElement && node.labels?.length === 0 && !node.getAttribute('aria-label') && !node.getAttribute('aria-labelledby')) {
        out.push({ where: `${here} input`, text: 'UNLABELLED INPUT' });
      }
      if (node.shadowRoot) texts(node.shadowRoot, out, `${here} > `);
      texts(node, out, path);
    }
  }
  return out;
}

/** Every live-region sentence said in `el` and its nested shadow roots, from now on. */
export function recordLive(el: Element): string[] {
  const said: string[] = [];
  const watched = new WeakSet<ShadowRoot>();
  const watch = (root: ShadowRoot) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver(() => {
      for (const region of root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')) {
        const text = region.textContent!.trim();
        if (text && said.at(-1) !== text) said.push(text);
      }
      root.querySelectorAll('*').forEach((n) => n.shadowRoot && watch(n.shadowRoot));
    }).observe(root, { subtree: true, childList: true, characterData: true });
    root.querySelectorAll('*').forEach((n) => n.shadowRoot && watch(n.shadowRoot));
  };
  watch(el.shadowRoot!);
  return said;
}

/**
 * Boxes that stick out of `el` at its width, or text clipped inside a box that hides overflow:
 * what lengthened translations break first.
 */
export function overflows(el: Element): string[] {
  const problems: string[] = [];
  const outer = el.getBoundingClientRect();
  const visit = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      if (node.closest('.sr-only') || node.localName === 'style' || node.closest('[hidden]')) continue;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'absolute') continue;
      // A spinner's box, turned mid-rotation, reaches past its square: that is no text overflowing.
      if (style.animationName !== 'none' && node.childElementCount === 0 && !node.textContent!.trim()) continue;
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const name = `${node.localName}${node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : ''}`;
      if (box.right > outer.right + 1 || box.left < outer.left - 1) problems.push(`${name} sticks out (${Math.round(box.left)}–${Math.round(box.right)} of ${Math.round(outer.left)}–${Math.round(outer.right)})`);
      const hides = /hidden|clip|auto|scroll/.test(style.overflowX);
      if (hides && node.scrollWidth > node.clientWidth + 1 && node.localName !== 'input') problems.push(`${name} clips its text (${node.scrollWidth} > ${node.clientWidth})`);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(el.shadowRoot!);
  return problems;
}
