/**
 * What a user met in `<mfa-enrollment>` (issue 16), each against the emulator: the shown-once codes
 * cannot be cancelled away, a setup ends on a visible "set up" line, a Retry-After wait holds Send
 * back with one sentence, rows name the factor, one masking rule, and actions that cannot work
 * before verification are explained instead of offered.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import '../../src/define/mfa-verify.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaEnrollEvent } from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';
import { enterCode, waitForPart } from './mfa-verify-helpers.js';
import { ProxySource } from '../../src/core/proxy-source.js';
import type { FetchLike } from '../../src/core/types.js';
import { $, acknowledgeRecovery, button, codeField, enrolledNames, loaded, MODES, otpEnroll, proxyUrl, row, setup, type, until } from './mfa-enrollment-helpers.js';

async function associateCount(userId: string): Promise<number> {
  return (await emulator.requests(userId)).filter((r) => r.method === 'POST' && r.path === '/mfa/associate').length;
}

describe('<mfa-enrollment> issue 16', () => {
  it('the shown-once recovery step of the app flow has no Cancel, ignores Escape, and ends in mfa-enroll', async () => {
    const { el } = await setup();
    button(el, 'enroll-button', row(el, 'otp')).click();
    await until(el, () => $(el, 'mfa-otp-enroll'), 'otp flow');
    const child = otpEnroll(el);
    await until(el, () => child.step === 'scan', 'key shown');
    expect($(el, '[part~="flow"] [part~="cancel-button"]'), 'Cancel while scanning').not.to.equal(null);
    const secret = (child as unknown as { secret: string }).secret;
    const enrolled = oneEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    type(child.shadowRoot!.querySelector('mfa-code-input')!.shadowRoot!.querySelector('input')!, await totp(secret));
    await until(el, () => child.step === 'recovery', 'recovery step');
    await until(el, () => !$(el, '[part~="flow"] [part~="cancel-button"]'), 'Cancel gone on the recovery step');
    // Escape inside the flow used to cancel it, throwing the codes away.
    child.shadowRoot!.querySelector<HTMLElement>('#recovery-title')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, 'mfa-otp-enroll'), 'flow still open after Escape').not.to.equal(null);
    const codes = child.shadowRoot!.querySelector('mfa-recovery-codes')!;
    codes.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
    await (codes as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!.click();
    expect((await enrolled).detail.factor).to.equal('otp');
  });

  it('after a setup, a visible "set up" line in the row takes focus, not Remove', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'added@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    type(codeField(el), await emulator.lastCode(user.id, 'email'));
    await until(el, () => $(el, '[part~="recovery-codes"]'), 'recovery panel');
    // The panel sits in the row where the flow happened.
    expect(row(el, 'email').querySelector('[part~="recovery-codes"]'), 'panel inside the email row').not.to.equal(null);
    // The file names the service: the page's host without an issuer attribute.
    const codes = $(el, 'mfa-recovery-codes') as HTMLElement & { downloadName: string; fileText(): string };
    expect(codes.downloadName).to.equal(`${location.hostname.replace(/[^A-Za-z0-9]+/g, '-')}-recovery-codes.txt`);
    expect(codes.fileText()).to.contain(`For ${location.hostname}`);
    await acknowledgeRecovery(el);
    await until(el, () => el.shadowRoot!.activeElement?.matches('[part~="success"]'), 'focus on the success line');
    const success = row(el, 'email').querySelector('[part~="success"]')!;
    expect(success.textContent!.trim()).to.contain('Email is set up.');
    expect(el.shadowRoot!.activeElement).to.equal(success);
    await expect(el).to.be.accessible();
  });

  it('a Retry-After wait on the first send: Send code held back (nothing sent), one sentence', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#address'), 'phone form');
    await emulator.fault({
      path: '/mfa/associate',
      method: 'POST',
      user_id: user.id,
      status: 429,
      headers: { 'retry-after': '40' },
      body: { error: 'too_many_requests', error_description: 'Too many SMS' },
    });
    type($<HTMLInputElement>(el, '#address')!, '+15555550177');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '[part~="flow"] [part~="wait"]'), 'wait shown');
    expect(await associateCount(user.id)).to.equal(1);
    const submit = button(el, 'submit-button');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    const errors = [...$(el, '[part~="flow"]')!.querySelectorAll('[part~="error"]')].map((e) => e.textContent!.trim());
    expect(errors).to.deep.equal(['Too many requests.']);
    expect($(el, '[part~="flow"] [part~="wait"]')!.textContent).to.match(/Try again in\s\d+\sseconds\./);
    submit.click();
    await el.updateComplete;
    expect(await associateCount(user.id), 'no second send during the wait').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('sms and voice rows: Remove names the factor, the confirmation too; one mask for the number', async () => {
    const { el, user } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    expect(enrolledNames(el, 'sms')).to.deep.equal(['+•••••••0123']);
    const sms = button(el, 'remove-button', row(el, 'sms')).getAttribute('aria-label');
    const voice = button(el, 'remove-button', row(el, 'voice')).getAttribute('aria-label');
    expect(sms).to.equal('Remove Text message (+•••••••0123)');
    expect(voice).to.equal('Remove Voice call (+•••••••0123)');
    button(el, 'remove-button', row(el, 'voice')).click();
    await until(el, () => $(el, '[part~="confirm-title"]'), 'confirmation');
    expect($(el, '[part~="confirm-title"]')!.textContent!.trim()).to.equal('Remove Voice call (+•••••••0123)?');
    button(el, 'cancel-button').click();
    // The same rule in the flow: "we sent a code to …" masks the typed number alike.
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'mask@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    expect($(el, '[part~="flow"] [part~="status"]')!.textContent).to.contain('m•••@example.com');
    expect(user.id).to.be.a('string');
  });

  it('direct mode before verifying: adding and removing are explained, not offered, until mfa-verify succeeds', async () => {
    const user = await emulator.createUser();
    const seed = await emulator.seed(user.id, { factor: 'otp' });
    const mfaToken = await emulator.login(user);
    const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .mfaToken=${mfaToken}>
      <mfa-enrollment factors="otp email"></mfa-enrollment>
      <mfa-verify></mfa-verify>
    </mfa-provider>`);
    const el = provider.querySelector<MfaEnrollment>('mfa-enrollment')!;
    await loaded(el);
    expect($(el, '[part~="locked"]')!.textContent).to.contain('first verify');
    expect($(el, '[part~="enroll-button"]'), 'no Enroll before verifying').to.equal(null);
    expect($(el, '[part~="remove-button"]'), 'no Remove before verifying').to.equal(null);
    await expect(el).to.be.accessible();
    const verify = provider.querySelector<MfaVerify>('mfa-verify')!;
    await waitForPart(verify, 'code-input');
    await enterCode(verify, await totp(seed.secret!));
    await until(el, () => $(el, '[part~="enroll-button"]') && $(el, '[part~="remove-button"]'), 'offered after verifying');
    expect($(el, '[part~="locked"]')).to.equal(null);
  });
});

// Where the runner mounts the proxy (MODES has 'proxy'), as in the other enrollment tests.
if (MODES.includes('proxy')) describe('<mfa-enrollment> issue 16, proxy mode', () => {
  it('a "verify first" error goes away once <mfa-verify> has verified, and the setup then works', async () => {
    const response = await fetch(env.loginUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: 'mfa', seed: [{ factor: 'otp' }] }),
    });
    const login = (await response.json()) as { userId: string; seeded: Array<{ secret?: string }> };
    const provider = await fixture<MfaProvider>(html`<mfa-provider proxy-url=${proxyUrl()!}>
      <mfa-enrollment factors="otp email"></mfa-enrollment>
      <mfa-verify></mfa-verify>
    </mfa-provider>`);
    const el = provider.querySelector<MfaEnrollment>('mfa-enrollment')!;
    await loaded(el);
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'later@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '[part~="flow"] [part~="error"]'), 'refused before verifying');
    expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('Verify with it first');
    const verify = provider.querySelector<MfaVerify>('mfa-verify')!;
    await waitForPart(verify, 'code-input');
    await enterCode(verify, await totp(login.seeded[0]!.secret!));
    await until(el, () => !$(el, '[part~="flow"] [part~="error"]'), 'stale error cleared after verifying');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'the same form now sends the code');
  });

  it('a proxy without the remove route: a specific sentence, and Remove is no longer offered', async () => {
    await fetch(env.loginUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: 'access', seed: [{ factor: 'email', email: 'noroute@example.com' }] }),
    });
    // The server's framework answers the DELETE with its own "no such route" page.
    const fetch404: FetchLike = (input, init) =>
      init?.method === 'DELETE' ? Promise.resolve(new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } })) : fetch(input, init);
    const source = new ProxySource({ baseUrl: proxyUrl()!, fetch: fetch404 });
    const provider = await fixture<MfaProvider>(html`<mfa-provider .source=${source}><mfa-enrollment factors="email"></mfa-enrollment></mfa-provider>`);
    const el = provider.querySelector<MfaEnrollment>('mfa-enrollment')!;
    await loaded(el);
    button(el, 'remove-button', row(el, 'email')).click();
    await until(el, () => $(el, '[part~="confirm"]'), 'confirmation');
    button(el, 'confirm-button').click();
    await until(el, () => row(el, 'email').querySelector('[part~="error"]'), 'error under the row');
    expect(row(el, 'email').querySelector('[part~="error"]')!.textContent!.trim()).to.equal('This server cannot remove methods.');
    expect($(el, '[part~="remove-button"]'), 'Remove withdrawn').to.equal(null);
    await expect(el).to.be.accessible();
  });
});

if (MODES.includes('proxy')) describe('<mfa-enrollment> new recovery code (proxy, Management API)', () => {
  it('replaces the recovery code after a confirmation and shows the new one once, behind the saved-gate', async () => {
    const response = await fetch(env.loginUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: 'access', seed: [{ factor: 'otp' }] }),
    });
    const login = (await response.json()) as { userId: string; seeded: Array<{ recovery_code?: string }> };
    const old = login.seeded[0]!.recovery_code!;
    const provider = await fixture<MfaProvider>(html`<mfa-provider proxy-url=${proxyUrl()!}>
      <mfa-enrollment factors="otp recovery-code"></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector<MfaEnrollment>('mfa-enrollment')!;
    await loaded(el);
    const regenerate = button(el, 'regenerate-button', row(el, 'recovery-code'));
    regenerate.click();
    await until(el, () => el.shadowRoot!.activeElement?.matches('[part~="regenerate-confirm"]'), 'question focused');
    expect($(el, '[part~="regenerate-confirm"]')!.textContent).to.contain('Your current one will stop working.');
    await expect(el).to.be.accessible();
    button(el, 'confirm-button', $(el, '[part~="regenerate-confirm"]')!).click();
    await until(el, () => row(el, 'recovery-code').querySelector('[part~="recovery-codes"] mfa-recovery-codes'), 'new code shown in its row');
    const panel = row(el, 'recovery-code').querySelector('mfa-recovery-codes') as HTMLElement & { codes: string[] };
    expect(panel.codes).to.have.length(1);
    expect(panel.codes[0]).not.to.equal(old);
    const log = await emulator.requests(login.userId);
    expect(log.filter((r) => r.method === 'POST' && r.path.endsWith('/recovery-code-regeneration'))).to.have.length(1);
    await expect(el).to.be.accessible();
    await acknowledgeRecovery(el);
    expect($(el, 'mfa-recovery-codes'), 'shown once').to.equal(null);
  });
});
