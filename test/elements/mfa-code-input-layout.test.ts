import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/mfa-code-input.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';

// Issue 16: one code-entry layout in every engine: cells wide enough for a digit, and a selection
// highlight that stays within the cells (the text's own highlight spans the gaps and runs on past
// the last cell, since each digit advances a whole cell pitch).

const cells = (el: MfaCodeInput) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="cell"]')];
const selected = (el: MfaCodeInput) => cells(el).map((cell, i) => (cell.matches('[part~="cell-selected"]') ? i : -1)).filter((i) => i >= 0);
const box = (node: Element) => node.getBoundingClientRect();

/**
 * Presses `keys` with Shift held. WebKit's WebDriver in the test runner can only press one key
 * (no held modifier): there the same selection is made by script, which still runs the sync.
 */
async function withShift(keys: string[], fallback: () => void): Promise<void> {
  try {
    await sendKeys({ down: 'Shift' });
  } catch {
    fallback();
    return;
  }
  for (const key of keys) await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

describe('<mfa-code-input> layout', () => {
  it('draws cells side by side, evenly spaced, wider than a digit and within the field', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="123456"></mfa-code-input>`);
    const field = box(el.shadowRoot!.querySelector('[part="field"]')!);
    const rects = cells(el).map(box);
    expect(rects).to.have.length(6);
    const digit = parseFloat(getComputedStyle(el.shadowRoot!.querySelector('input')!).fontSize) * 0.5; // ≥ a monospaced digit's advance
    for (const [i, r] of rects.entries()) {
      expect(r.width, `cell ${i} width`).to.be.greaterThan(digit * 2);
      expect(r.height / r.width, `cell ${i} not tall and narrow`).to.be.lessThan(1.6);
      expect(r.left, `cell ${i} inside the field`).to.be.at.least(field.left - 0.5);
      expect(r.right).to.be.at.most(field.right + 0.5);
      if (i > 0) {
        expect(r.left, `cell ${i} after cell ${i - 1}`).to.be.greaterThan(rects[i - 1]!.right);
        expect(Math.abs(r.left - rects[i - 1]!.left - (rects[1]!.left - rects[0]!.left)), 'even pitch').to.be.lessThan(1);
        expect(Math.abs(r.top - rects[0]!.top), 'one row').to.be.lessThan(0.5);
      }
    }
  });

  it('hides the text selection highlight and marks the selected cells instead', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="123456"></mfa-code-input>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    el.select();
    await waitUntil(() => selected(el).length === 6, `every cell marked selected (${selected(el)})`);
    // The native highlight would overflow the cells: it is transparent, and the marked cells draw it.
    const highlight = getComputedStyle(input, '::selection').backgroundColor;
    expect(highlight, 'the text selection paints nothing').to.match(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    const [first, last] = [cells(el)[0]!, cells(el)[5]!];
    expect(getComputedStyle(first).backgroundColor).to.not.equal(getComputedStyle(el.shadowRoot!.querySelector('[part~="cells"]')!).backgroundColor);
    const row = box(el.shadowRoot!.querySelector('[part~="cells"]')!);
    expect(box(first).left).to.be.at.least(row.left - 0.5);
    expect(box(last).right, 'the drawn selection ends with the last cell').to.be.at.most(row.right + 0.5);
  });

  it('follows a keyboard selection, and a collapsed caret marks nothing', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="123456"></mfa-code-input>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    input.setSelectionRange(6, 6);
    await withShift(['ArrowLeft', 'ArrowLeft'], () => input.setSelectionRange(4, 6, 'backward'));
    await waitUntil(() => selected(el).join() === '4,5', `the last two cells selected (${selected(el)})`);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => selected(el).length === 0, `nothing selected after the caret collapses (${selected(el)})`);
    await withShift(['Home'], () => input.setSelectionRange(0, 6, 'backward'));
    await waitUntil(() => selected(el).length === 6, `Shift+Home selects every digit (${selected(el)})`);
    input.blur();
    await waitUntil(() => selected(el).length === 0, 'no marked cells once the field loses focus');
  });
});
