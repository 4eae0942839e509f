import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mfa-recovery-codes.js';
import { MfaRecoveryCodes, MfaRecoveryCodesSavedEvent } from '../../src/define/mfa-recovery-codes.js';

const CODES = ['ABCD2EFGH3JKLM4NPQR5STUV', 'WXYZ6ABCD7EFGH8JKLM9NPQR'];

function part<T extends Element = HTMLElement>(el: Element, name: string): T {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
}

async function codes(list: string[] = CODES, extra = html``): Promise<MfaRecoveryCodes> {
  return fixture<MfaRecoveryCodes>(
    html`<mfa-recovery-codes .codes=${list} issuer="ACME Corp" account="alice@example.com">${extra}</mfa-recovery-codes>`,
  );
}

/** Replaces navigator.clipboard for one test. */
function fakeClipboard(writeText: (text: string) => Promise<void>): () => void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  };
}

describe('<mfa-recovery-codes>', () => {
  it('shows each code grouped in fours, monospaced, in a labelled list', async () => {
    const el = await codes();
    const items = [...el.shadowRoot!.querySelectorAll('[part~="code"]')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal(['ABCD 2EFG H3JK LM4N PQR5 STUV', 'WXYZ 6ABC D7EF GH8J KLM9 NPQR']);
    expect(part(el, 'recovery-codes').getAttribute('aria-label')).to.equal('Recovery codes');
    expect(getComputedStyle(el.shadowRoot!.querySelector('code')!).fontFamily).to.match(/mono|Menlo|Consolas/i);
    expect(part(el, 'description').textContent).to.contain('shown only this once');
    await expect(el).to.be.accessible();
  });

  it('says "code" for a single code', async () => {
    const el = await codes(['ABCD2EFGH3JKLM4NPQR5STUV']);
    expect(part(el, 'copy-button').textContent!.trim()).to.equal('Copy code');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('I have saved my recovery code');
  });

  it('keeps Continue disabled until "I have saved them" is ticked, then fires mfa-recovery-codes-saved', async () => {
    const el = await codes();
    let fired = 0;
    el.addEventListener('mfa-recovery-codes-saved', () => fired++);
    const button = part<HTMLButtonElement>(el, 'continue-button');
    expect(button.disabled).to.be.true;
    button.click();
    expect(fired).to.equal(0);
    part<HTMLInputElement>(el, 'checkbox').click();
    await el.updateComplete;
    expect(el.saved).to.be.true;
    expect(button.disabled).to.be.false;
    const saved = nextEvent(el, 'mfa-recovery-codes-saved');
    button.click();
    const event = await saved;
    expect(event).to.be.instanceOf(MfaRecoveryCodesSavedEvent);
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard alone', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="start">start</button><mfa-recovery-codes .codes=${CODES}></mfa-recovery-codes></div>`,
    );
    const el = wrapper.querySelector('mfa-recovery-codes')!;
    await el.updateComplete;
    const restore = fakeClipboard(async () => {});
    try {
      wrapper.querySelector<HTMLButtonElement>('#start')!.focus();
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
      }
      expect(order).to.deep.equal(['button copy-button', 'button download-button', 'button print-button', 'checkbox']);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(el.saved).to.be.true;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'continue-button'));
      const saved = nextEvent(el, 'mfa-recovery-codes-saved');
      await sendKeys({ press: 'Enter' });
      expect(await saved).to.be.instanceOf(MfaRecoveryCodesSavedEvent);
    } finally {
      restore();
    }
  });

  it('copies the codes, one per line, and says so', async () => {
    const el = await codes();
    let copied = '';
    const restore = fakeClipboard(async (text) => {
      copied = text;
    });
    try {
      part(el, 'copy-button').click();
      await waitUntil(() => copied !== '');
      expect(copied).to.equal(CODES.join('\n'));
      await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('copied'));
      // Seen, not only heard: the same sentence under the buttons.
      await waitUntil(() => part(el, 'copy-status')?.textContent === 'Recovery codes copied.', 'no visible confirmation');
      expect(part(el, 'copy-status').checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('selects the codes for the user to copy when the clipboard refuses', async () => {
    const el = await codes();
    const restore = fakeClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    try {
      await el.copy();
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
      expect(status).to.contain('Selected');
      expect(getSelection()!.toString().replace(/\s+/g, '')).to.equal(CODES.join(''));
    } finally {
      restore();
    }
  });

  it('downloads a .txt named after the issuer through an object URL that is revoked afterwards', async () => {
    const el = await codes();
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke.call(URL, url);
    };
    let link: HTMLAnchorElement | undefined;
    let text = '';
    const onClick = (event: Event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      link = target;
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
    try {
      part(el, 'download-button').click();
      expect(link).to.exist;
      expect(link!.download).to.equal('acme-corp-recovery-codes.txt');
      expect(link!.href).to.match(/^blob:/);
      text = await (await fetch(link!.href)).text();
      expect(link!.isConnected).to.be.false;
      await waitUntil(() => revoked.includes(link!.href), 'object URL not revoked', { timeout: 5000 });
    } finally {
      URL.revokeObjectURL = revoke;
      el.shadowRoot!.removeEventListener('click', onClick, true);
    }
    const lines = text.split('\n');
    expect(lines[0]).to.equal('Recovery codes');
    expect(lines[1]).to.equal('For ACME Corp – alice@example.com');
    expect(lines[2]).to.match(/^Created /);
    expect(lines.slice(-3)).to.deep.equal([...CODES, '']);
  });

  it('prints only the codes, from a separate frame that goes away after printing', async () => {
    const el = await codes();
    let printed: { title: string; texts: string[]; items: string[]; lang: string } | undefined;
    let printedWindow: Window | undefined;
    el.printWindow = (win: Window) => {
      printedWindow = win;
      const doc = win.document;
      printed = {
        title: doc.title,
        lang: doc.documentElement.lang,
        texts: [...doc.body.children].filter((n) => n.tagName !== 'OL').map((n) => n.textContent!),
        items: [...doc.querySelectorAll('li')].map((li) => li.textContent!),
      };
    };
    part(el, 'print-button').click();
    expect(printed).to.exist;
    expect(printed!.title).to.equal('Recovery codes');
    expect(printed!.lang).to.equal('en');
    expect(printed!.texts[0]).to.equal('Recovery codes');
    expect(printed!.texts).to.include('For ACME Corp – alice@example.com');
    expect(printed!.items).to.deep.equal(['ABCD 2EFG H3JK LM4N PQR5 STUV', 'WXYZ 6ABC D7EF GH8J KLM9 NPQR']);
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame.getAttribute('aria-hidden')).to.equal('true');
    expect(frame.getBoundingClientRect().width).to.equal(0);
    printedWindow!.dispatchEvent(new Event('afterprint'));
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks German and French, on screen and in the file', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div lang="de"><mfa-recovery-codes .codes=${CODES}></mfa-recovery-codes></div>
      <div lang="fr"><mfa-recovery-codes .codes=${CODES}></mfa-recovery-codes></div>
    </div>`);
    const [de, fr] = [...wrapper.querySelectorAll('mfa-recovery-codes')];
    await de!.updateComplete;
    await fr!.updateComplete;
    // German and French load lazily (src/locales): English shows until the translation arrives.
    await waitUntil(() => part(de!, 'continue-button').textContent!.trim() === 'Weiter', 'no German text');
    // Each language waits for its own text: French may arrive after German (a label that merely
    // differs from the German one can still be English).
    await waitUntil(() => part(fr!, 'print-button').textContent!.trim() === 'Imprimer', 'no French text');
    expect(de!.shadowRoot!.querySelector('label')!.textContent).to.equal('Ich habe meine Wiederherstellungscodes gespeichert');
    expect(de!.downloadName).to.equal('wiederherstellungscodes.txt');
    expect(de!.fileText(new Date(Date.UTC(2026, 10, 22, 12)))).to.contain('Erstellt am 22. November 2026');
    expect(part(fr!, 'print-button').textContent!.trim()).to.equal('Imprimer');
    expect(fr!.fileText(new Date(Date.UTC(2026, 10, 22, 12)))).to.match(/^Codes de récupération\nCréé le 22 novembre 2026/);
  });

  it('renders nothing without codes', async () => {
    const el = await codes([]);
    expect(el.shadowRoot!.querySelector('[part~="base"]')).to.equal(null);
  });
});
