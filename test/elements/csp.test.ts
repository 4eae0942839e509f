/**
 * The elements under the Content-Security-Policy the README's Security section states (served by
 * scripts/wtr/csp-page.js from the README itself): they render, draw their styles and the QR code,
 * and not one CSP or Trusted Types violation is reported. Then the same where adoptedStyleSheets is
 * missing, with the `litNonce` the README describes for that case.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';

interface CspWindow extends Window {
  __cspViolations?: string[];
  __cspApp?: { enrollment: HTMLElement; otp: HTMLElement & { step: string } };
}

async function load(query: string): Promise<{ win: CspWindow; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/__csp/page.html${query}`;
  document.body.append(frame);
  const win = () => frame.contentWindow as CspWindow | null;
  await waitUntil(() => win()?.__cspApp, 'the CSP page never ran its app (its scripts were blocked?)');
  const app = win()!.__cspApp!;
  await waitUntil(() => app.enrollment.shadowRoot?.querySelector('[part~="enroll-button"], [part~="remove-button"]'), 'the list never rendered');
  await waitUntil(() => app.otp.shadowRoot?.querySelector('mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'no QR code drawn');
  return { win: win()!, frame };
}

for (const [name, query] of [
  ['with adoptedStyleSheets', ''],
  ['without adoptedStyleSheets, with litNonce', '?nonce=1'],
] as const) {
  describe(`under the README's CSP (${name})`, () => {
    it('renders, styles and draws the QR code with no violation', async () => {
      const { win, frame } = await load(query);
      try {
        const { enrollment } = win.__cspApp!;
        // A value only the element's own stylesheet sets (44rem at the default 16 px).
        expect(win.getComputedStyle(enrollment).maxWidth).to.equal('704px');
        if (query) expect(enrollment.shadowRoot!.querySelector('style'), 'Lit fell back to <style>').to.not.equal(null);
        expect(win.__cspViolations).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  });
}

it('the policy is enforced in this page: a string as innerHTML is refused where Trusted Types exist', async () => {
  const { win, frame } = await load('');
  try {
    const div = win.document.createElement('div');
    const assign = () => {
      div.innerHTML = '<b>x</b>';
    };
    // Firefox ESR 140 has no Trusted Types (ESR 153 has): there the directive is ignored, and the
    // elements, which never assign markup strings, render the same. Each engine's path is asserted.
    if ('trustedTypes' in win) expect(assign, 'Trusted Types refuse a plain string').to.throw();
    else {
      expect(navigator.userAgent, 'only Firefox before Trusted Types lacks them').to.match(/Firefox\/1[0-4]\d\./);
      expect(assign, 'without Trusted Types a string is taken').not.to.throw();
    }
  } finally {
    frame.remove();
  }
});
