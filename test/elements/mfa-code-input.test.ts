import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mfa-code-input.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';
import { MfaCodeCompleteEvent } from '../../src/define/mfa-code-input.js';

function inner(el: MfaCodeInput): HTMLInputElement {
  return el.shadowRoot!.querySelector('input')!;
}

/** A paste event carrying `text`, as the browser sends it (the default insertion is not simulated). */
function paste(target: HTMLInputElement, text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Firefox copies the DataTransfer given to the constructor without its data; a real paste has it.
  if (event.clipboardData?.getData('text/plain') !== text) Object.defineProperty(event, 'clipboardData', { value: data });
  target.dispatchEvent(event);
  return event;
}

/** What the browser does for a paste or an autofill the element does not intercept. */
function insert(target: HTMLInputElement, text: string): void {
  target.value = text;
  target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

describe('<mfa-code-input>', () => {
  it('renders one real input with the one-time-code attributes', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const inputs = el.shadowRoot!.querySelectorAll('input');
    expect(inputs.length).to.equal(1);
    const input = inputs[0]!;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('enterkeyhint')).to.equal('done');
    expect(input.getAttribute('pattern')).to.equal('[0-9]{6}');
    expect(input.type).to.equal('text');
    expect(el.shadowRoot!.querySelectorAll('[part~="cell"]').length).to.equal(6);
    await expect(el).to.be.accessible();
  });

  it('draws `length` cells and checks that many digits', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input length="8"></mfa-code-input>`);
    expect(el.shadowRoot!.querySelectorAll('[part~="cell"]').length).to.equal(8);
    expect(inner(el).getAttribute('pattern')).to.equal('[0-9]{8}');
    expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('8-digit code');
  });

  it('has a localized accessible name by default, and the label attribute replaces it', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const input = inner(el);
    expect(input.labels?.length).to.equal(1);
    expect(input.labels![0]!.textContent!.trim()).to.equal('6-digit code');
    el.label = 'Code from your app';
    await el.updateComplete;
    expect(input.labels![0]!.textContent!.trim()).to.equal('Code from your app');
    await expect(el).to.be.accessible();
  });

  it('takes its German and French names from the nearest lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div lang="de"><mfa-code-input></mfa-code-input></div>
      <div lang="fr"><mfa-code-input></mfa-code-input></div>
    </div>`);
    const [de, fr] = [...wrapper.querySelectorAll('mfa-code-input')];
    await de!.updateComplete;
    await fr!.updateComplete;
    // German and French load lazily (src/locales): English shows until the translation arrives.
    const label = (el: Element) => inner(el as never).labels![0]!.textContent!.trim();
    await waitUntil(() => label(de!) === '6-stelliger Code' && label(fr!) === 'Code à 6 chiffres', 'no German/French label');
    expect(inner(de!).labels![0]!.textContent!.trim()).to.equal('6-stelliger Code');
    expect(inner(fr!).labels![0]!.textContent!.trim()).to.equal('Code à 6 chiffres');
  });

  it('follows a change of lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><mfa-code-input></mfa-code-input></div>`);
    const el = wrapper.querySelector('mfa-code-input')!;
    wrapper.lang = 'fr';
    await waitUntil(() => inner(el).labels![0]!.textContent!.trim() === 'Code à 6 chiffres', 'the label did not follow lang');
  });

  it('keeps the label for screen readers only with hide-label', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input hide-label></mfa-code-input>`);
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.classList.contains('sr-only')).to.be.true;
    expect(inner(el).labels![0]).to.equal(label);
    await expect(el).to.be.accessible();
  });

  for (const pasted of ['123 456', '123-456', 'Your code: 123456.']) {
    it(`pastes "${pasted}" as 123456 and fires mfa-code-complete`, async () => {
      const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
      const completed = nextEvent(el, 'mfa-code-complete');
      const event = paste(inner(el), pasted);
      const complete = await completed;
      expect(event.defaultPrevented).to.be.true;
      expect(complete).to.be.instanceOf(MfaCodeCompleteEvent);
      expect(complete.detail).to.deep.equal({ value: '123456', trigger: 'input' });
      expect(complete.bubbles).to.be.true;
      expect(complete.composed).to.be.false;
      expect(el.value).to.equal('123456');
      expect(inner(el).value).to.equal('123456');
    });
  }

  it('replaces a partial code when a whole code is pasted', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="98"></mfa-code-input>`);
    const completed = nextEvent(el, 'mfa-code-complete');
    paste(inner(el), '123 456');
    expect((await completed).detail.value).to.equal('123456');
  });

  it('strips non-digits that arrive without a paste event (autofill, drag and drop)', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const completed = nextEvent(el, 'mfa-code-complete');
    insert(inner(el), '12 34-56 78');
    expect((await completed).detail.value).to.equal('123456');
    expect(inner(el).value).to.equal('123456');
  });

  it('leaves a short paste to the browser and does not complete', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    let fired = 0;
    el.addEventListener('mfa-code-complete', () => fired++);
    const event = paste(inner(el), '12 3');
    expect(event.defaultPrevented).to.be.false;
    insert(inner(el), '12 3');
    await el.updateComplete;
    expect(el.value).to.equal('123');
    expect(fired).to.equal(0);
  });

  it('types digits only, fires mfa-code-complete once on the last digit, and again for a new code', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const events: MfaCodeCompleteEvent[] = [];
    el.addEventListener('mfa-code-complete', (e) => events.push(e));
    el.focus();
    await sendKeys({ type: '12a34' });
    expect(el.value).to.equal('1234');
    expect(events.length).to.equal(0);
    await sendKeys({ type: '5' });
    expect(events.length).to.equal(0);
    await sendKeys({ type: '6' });
    expect(el.value).to.equal('123456');
    expect(events.map((e) => e.detail.value)).to.deep.equal(['123456']);
    await sendKeys({ type: '7' });
    expect(el.value).to.equal('123456');
    expect(events.length).to.equal(1);
    await sendKeys({ press: 'Backspace' });
    expect(el.value).to.equal('12345');
    await sendKeys({ type: '9' });
    expect(events.map((e) => e.detail.value)).to.deep.equal(['123456', '123459']);
  });

  it('fires mfa-code-complete on Enter when the code is complete, not before', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="123"></mfa-code-input>`);
    const events: MfaCodeCompleteEvent[] = [];
    el.addEventListener('mfa-code-complete', (e) => events.push(e));
    el.focus();
    await sendKeys({ press: 'Enter' });
    expect(events.length).to.equal(0);
    el.value = '654321';
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.detail)).to.deep.equal([{ value: '654321', trigger: 'enter' }]);
  });

  it('delegates focus to the input; focus() and clear() work', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="12ab34"></mfa-code-input>`);
    expect(el.value).to.equal('1234');
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    expect(document.activeElement).to.equal(el);
    el.clear();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(inner(el).value).to.equal('');
  });

  it('is reachable with Tab through delegatesFocus', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><mfa-code-input></mfa-code-input></div>`);
    const el = wrapper.querySelector('mfa-code-input')!;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
  });

  it('reflects disabled and invalid to the input, and reads the description with it', async () => {
    const el = await fixture<MfaCodeInput>(
      html`<mfa-code-input disabled invalid description="That code is not correct."></mfa-code-input>`,
    );
    const input = inner(el);
    expect(input.disabled).to.be.true;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const described = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(described.textContent).to.equal('That code is not correct.');
    el.invalid = false;
    el.disabled = false;
    await el.updateComplete;
    expect(input.disabled).to.be.false;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('re-dispatches change from the host', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const changed = nextEvent(el, 'change');
    inner(el).dispatchEvent(new Event('change'));
    const event = await changed;
    expect(event.target).to.equal(el);
  });

  it('keeps each digit inside its cell', async () => {
    const el = await fixture<MfaCodeInput>(html`<mfa-code-input value="888888"></mfa-code-input>`);
    const input = inner(el);
    const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="cell"]')];
    const row = el.shadowRoot!.querySelector<HTMLElement>('[part="cells"]')!.getBoundingClientRect();
    // The input never scrolls, so the text starts at its padding edge.
    expect(input.scrollLeft).to.equal(0);
    const last = cells[5]!.getBoundingClientRect();
    expect(Math.round(last.right)).to.equal(Math.round(row.right));
    // Measure where the 6th digit's glyph is with a range over the input's text is not possible;
    // instead check that the pitch of the cells equals the advance of a digit plus letter-spacing.
    const style = getComputedStyle(input);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const advance = canvas.measureText('8').width + parseFloat(style.letterSpacing);
    const pitch = cells[1]!.getBoundingClientRect().left - cells[0]!.getBoundingClientRect().left;
    expect(Math.abs(advance - pitch)).to.be.below(0.75);
  });
});
