import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import { emulator } from '../helpers/emulator.js';
import { totp } from '../helpers/totp.js';
import { codeInput, innerInput, mount, part, parts, seeded, text, typeKeys, waitForPart } from './mfa-verify-helpers.js';

/** The focused element inside `el` (through the code input's shadow root). */
function focused(el: MfaVerify): Element | null {
  const active = el.shadowRoot!.activeElement;
  return active?.shadowRoot?.activeElement ?? active;
}

async function tabTo(el: MfaVerify, target: () => Element | null | undefined, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (target() && focused(el) === target()) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not reach ${String(target()?.outerHTML ?? 'target').slice(0, 80)} with Tab`);
}

describe('<mfa-verify> keyboard only', () => {
  it('picks with Tab and Enter, types the code, lands on the verified message', async () => {
    const s = await seeded([{ factor: 'email', email: 'keys@example.com' }, { factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'authenticators');
    (document.activeElement as HTMLElement | null)?.blur();
    const otpOption = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-id^="totp"]');
    await tabTo(el, otpOption);
    await sendKeys({ press: 'Enter' });
    await waitForPart(el, 'code-input');
    await waitUntil(() => focused(el) === innerInput(el), 'focus not moved to the code');
    const verified = nextEvent(el, 'mfa-verified');
    // The last digit submits.
    await typeKeys(await totp(s.secret!));
    await verified;
    await waitUntil(() => focused(el) === part(el, 'success'), 'focus not on the result');
  });

  it('a wrong code, then the right one, without leaving the keyboard; Enter submits', async () => {
    const s = await seeded([{ factor: 'email', email: 'keys2@example.com' }]);
    const el = await mount(s.source, { method: 'email' });
    await waitForPart(el, 'code-input');
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => innerInput(el));
    const code = await emulator.lastCode(s.user.id, 'email');
    await typeKeys(code === '000000' ? '111111' : '000000');
    await waitForPart(el, 'error');
    await waitUntil(() => focused(el) === innerInput(el), 'focus not back on the code');
    expect(codeInput(el).value).to.equal('');
    // Enter on an incomplete code says what is missing, sends nothing.
    await typeKeys('12');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(el, 'error')) === 'Enter all 6 digits of the code.', 'incomplete not said');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    const verified = nextEvent(el, 'mfa-verified');
    await typeKeys(code);
    await verified;
  });

  it('switches to a recovery code and submits it with Enter', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => parts(el, 'switch-button').find((b) => text(b) === 'Use a recovery code'));
    await sendKeys({ press: 'Enter' });
    const input = await waitForPart<HTMLInputElement>(el, 'recovery-input');
    await waitUntil(() => focused(el) === input, 'focus not on the recovery field');
    await typeKeys(s.recoveryCode!.toLowerCase().match(/.{4}/g)!.join('-'));
    await sendKeys({ press: 'Enter' });
    const codes = await waitForPart(el, 'recovery-codes');
    await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('#new-code'), 'focus not on the new code');
    // Into the recovery-codes element: tick "I have saved it", then Continue.
    const inCodes = () => codes.shadowRoot!.activeElement;
    const checkbox = codes.shadowRoot!.querySelector('[part~="checkbox"]');
    for (let i = 0; i < 8 && inCodes() !== checkbox; i++) await sendKeys({ press: 'Tab' });
    expect(inCodes()).to.equal(checkbox);
    // A space toggles the checkbox (Firefox's BiDi has no "Space" key name).
    await typeKeys(' ');
    const verified = nextEvent(el, 'mfa-verified');
    await sendKeys({ press: 'Tab' });
    expect(inCodes()).to.equal(codes.shadowRoot!.querySelector('[part~="continue-button"]'));
    await sendKeys({ press: 'Enter' });
    const event = await verified;
    expect(event.detail.result.recoveryCode).to.match(/^[A-Z0-9]{24}$/);
    await waitUntil(() => focused(el) === part(el, 'success'), 'focus not on the result');
  });

  it('push: cancel and send again from the keyboard', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    const cancel = await waitForPart(el, 'cancel-button');
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => cancel);
    await sendKeys({ press: 'Enter' });
    const retry = await waitForPart(el, 'retry-button');
    await waitUntil(() => focused(el) === retry, 'focus not on retry');
    await sendKeys({ press: 'Enter' });
    await waitForPart(el, 'cancel-button');
    const pushes = await emulator.pushes(s.user.id);
    expect(pushes.filter((p) => p.kind === 'challenge')).to.have.length(2);
    await waitUntil(() => focused(el) === part(el, 'cancel-button'), 'focus not on cancel');
    const pending = (await emulator.pushes(s.user.id)).at(-1)!;
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(pending.oob_code);
    await verified;
  });
});
