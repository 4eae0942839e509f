import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { MfaVerifiedEvent, type MfaErrorEvent } from '../../src/define/mfa-verify.js';
import type { MfaRecoveryCodes } from '../../src/define/mfa-recovery-codes.js';
import { MfaApiSource } from '../../src/core/api-source.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';
import { enterCode, mount, part, parts, recordAnnouncements, seeded, text, waitForPart, codeInput, innerInput, $ } from './mfa-verify-helpers.js';

describe('<mfa-verify> codes', () => {
  it('lists the active authenticators to pick from, without the recovery code, and offers the recovery path', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550123' }, { factor: 'email', email: 'pick@example.com' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'authenticators');
    const options = parts(el, 'authenticator');
    // sms enrolls its voice twin: otp, sms, voice, email.
    expect(options.map((o) => text(o.querySelector('[part~="authenticator-label"]')))).to.have.members([
      'Authenticator app',
      'Text message',
      'Voice call',
      'Email',
    ]);
    expect(options.every((o) => o.tagName === 'BUTTON')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[data-id^="sms"]'))).to.contain(s.nameOf('sms'));
    expect(text(el.shadowRoot!.querySelector('[data-id^="email"]'))).to.contain('p•••@example.com');
    expect(parts(el, 'switch-button').map(text)).to.deep.equal(['Use a recovery code']);
    await expect(el).to.be.accessible();
  });

  it('verifies an OTP with a code computed from the seeded secret, then fires mfa-verified', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    // The only authenticator: no picker.
    await waitForPart(el, 'code-input');
    expect(text(part(el, 'description'))).to.equal('Enter the code shown in your authenticator app.');
    await expect(el).to.be.accessible();
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, await totp(s.secret!));
    const event = await verified;
    expect(event).to.be.instanceOf(MfaVerifiedEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.method).to.equal('otp');
    expect(event.detail.authenticator?.id).to.equal(s.idOf('otp'));
    expect(event.detail.result.tokens?.accessToken).to.be.a('string');
    await waitForPart(el, 'success');
    expect(text(part(el, 'success'))).to.equal('Verified.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'success'));
    await expect(el).to.be.accessible();
    const requests = await emulator.requests(s.user.id);
    // OTP needs no challenge.
    expect(requests.filter((r) => r.path === '/mfa/challenge')).to.have.length(0);
  });

  for (const factor of ['sms', 'voice', 'email'] as const) {
    it(`${factor}: challenges, says where the code went, verifies the code from the outbox`, async () => {
      const seed = factor === 'email' ? { factor, email: `${factor}@example.com` } : { factor, phoneNumber: '+15555550199' };
      const s = await seeded([seed]);
      const el = await mount(s.source, { method: factor });
      await waitForPart(el, 'code-input');
      const name = s.nameOf(factor);
      expect(text(part(el, 'description'))).to.contain(name);
      expect(text(part(el, 'countdown'))).to.match(/You can ask for a new code in \d+ seconds\./);
      expect((part<HTMLButtonElement>(el, 'resend-button'))!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      const code = await emulator.lastCode(s.user.id, factor);
      const verified = nextEvent(el, 'mfa-verified');
      await enterCode(el, code);
      const event = await verified;
      expect(event.detail.method).to.equal(factor);
      expect(event.detail.authenticator?.id).to.equal(s.idOf(factor));
      const requests = await emulator.requests(s.user.id);
      expect(requests.filter((r) => r.path === '/mfa/challenge')).to.have.length(1);
    });
  }

  it('shows the name the server sends as text, never as markup', async () => {
    // A test double on purpose, not a fallback: the emulator masks addresses (a•••@…), so no markup
    // would survive to the element; a hostile or broken server can send any string as the name.
    const name = '<img src=x onerror=alert(1)>';
    const source = {
      listAuthenticators: async () => [
        { id: 'email|x', authenticatorType: 'oob' as const, factor: 'email' as const, active: true, name, oobChannel: 'email' as const, linkedIds: [], removable: true },
      ],
      enroll: async () => Promise.reject(new Error('no')),
      remove: async () => undefined,
      challenge: async () => ({ challengeType: 'oob' as const, oobCode: 'c', bindingMethod: 'prompt' as const }),
      verify: async () => ({}),
    };
    const el = await mount(source, { method: 'email' });
    await waitForPart(el, 'code-input');
    expect(part(el, 'description')!.querySelector('img, b')).to.equal(null);
    expect(text(part(el, 'description'))).to.contain(name);
  });

  for (const [factor, seed] of [
    ['sms', { factor: 'sms', phoneNumber: '+15555550177' }],
    ['email', { factor: 'email', email: 'expiry@example.com' }],
  ] as const) {
    it(`an expired ${factor} code says so and offers a new one; it is not a signed-out session (no mfa-error)`, async () => {
      // Auth0 answers an oob_code past its 5 min as `expired_token` "oob_code is expired", the same
      // code as an expired mfa_token; only the code needs replacing, so the page must not sign out.
      const s = await seeded([seed], { oobTtl: 1 });
      const el = await mount(s.source, { method: factor, resendAfter: 0 });
      await waitForPart(el, 'code-input');
      const errors: MfaErrorEvent[] = [];
      el.addEventListener('mfa-error', (e) => errors.push(e));
      const said = recordAnnouncements(el);
      const sentBy = await emulator.now();
      await emulator.waitForClockPast(sentBy + 1_000, 'the 1 s oob_code ttl');
      await enterCode(el, await emulator.lastCode(s.user.id, factor));
      await waitUntil(() => text(part(el, 'error')) !== '', 'no error shown for the expired code');
      expect(text(part(el, 'error'))).to.equal('That code has expired. Send a new one.');
      await waitUntil(() => said.includes('That code has expired. Send a new one.'), 'expiry not announced');
      expect(errors).to.deep.equal([]);
      const resend = part<HTMLButtonElement>(el, 'resend-button')!;
      await waitUntil(() => !resend.hasAttribute('disabled') && resend.getAttribute('aria-disabled') !== 'true', 'send again held back');
      const sent = (await emulator.outbox({ userId: s.user.id, channel: factor })).length;
      resend.click();
      await waitUntil(async () => (await emulator.outbox({ userId: s.user.id, channel: factor })).length > sent, 'no new code sent');
      await waitUntil(() => !part(el, 'submit-button')?.hasAttribute('disabled'), 'form busy after sending');
      const verified = nextEvent(el, 'mfa-verified');
      await enterCode(el, await emulator.lastCode(s.user.id, factor));
      await verified;
      expect(errors).to.deep.equal([]);
    });
  }

  it('a wrong code shows an error, keeps the step, and the right code then works', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550142' }]);
    const el = await mount(s.source, { method: 'sms' });
    await waitForPart(el, 'code-input');
    const errors: MfaErrorEvent[] = [];
    el.addEventListener('mfa-error', (e) => errors.push(e));
    const code = await emulator.lastCode(s.user.id, 'sms');
    const wrong = code === '000000' ? '111111' : '000000';
    await enterCode(el, wrong);
    const error = await waitForPart(el, 'error');
    expect(text(error)).to.contain('That code is not correct, or it has expired.');
    expect(text(error)).to.match(/\d+ attempts left\./);
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['invalid_grant']);
    expect(codeInput(el).invalid).to.equal(true);
    expect(codeInput(el).value).to.equal('');
    // Focus went back to the code field.
    expect(el.shadowRoot!.activeElement).to.equal(codeInput(el));
    await expect(el).to.be.accessible();
    // Same challenge, no new SMS: the code sent first still works.
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, code);
    await verified;
    const challenges = (await emulator.requests(s.user.id)).filter((r) => r.path === '/mfa/challenge');
    expect(challenges).to.have.length(1);
  });

  it('"Send again" waits out a visible, announced cooldown, then sends a new code', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550143' }]);
    const el = await mount(s.source, { method: 'sms', resendAfter: 1 });
    const said = recordAnnouncements(el);
    const resend = await waitForPart<HTMLButtonElement>(el, 'resend-button');
    expect(resend.disabled).to.equal(true);
    expect(text(part(el, 'countdown'))).to.equal('You can ask for a new code in 1 second.');
    await waitUntil(() => !part<HTMLButtonElement>(el, 'resend-button')!.disabled, 'resend never enabled', { timeout: 5000 });
    expect(part(el, 'countdown')).to.equal(null);
    await waitUntil(() => said.includes('You can ask for a new code now.'), 'end of cooldown not announced');
    expect(said.some((m) => m.includes(s.nameOf('sms')) && m.includes('You can ask for a new code in 1 second.'))).to.equal(true);
    part<HTMLButtonElement>(el, 'resend-button')!.click();
    await waitUntil(async () => (await emulator.outbox({ userId: s.user.id, channel: 'sms' })).length === 2, 'no second SMS');
    await waitUntil(() => part<HTMLButtonElement>(el, 'resend-button')?.disabled, 'cooldown not restarted');
    await waitUntil(() => said.some((m) => m.startsWith('A new code is on its way.')), 'resend not announced');
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, await emulator.lastCode(s.user.id, 'sms'));
    await verified;
  });

  it('a refused "Send again" (429) waits before sending, but the code already sent still works', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550144' }]);
    const el = await mount(s.source, { method: 'sms', resendAfter: 1 });
    await waitForPart(el, 'resend-button');
    await waitUntil(() => !part<HTMLButtonElement>(el, 'resend-button')!.disabled, 'resend never enabled', { timeout: 5000 });
    await emulator.fault({
      path: '/mfa/challenge',
      user_id: s.user.id,
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: 'too_many_requests', error_description: 'Too many SMS.' },
    });
    part<HTMLButtonElement>(el, 'resend-button')!.click();
    await waitForPart(el, 'error');
    expect(text(part(el, 'error'))).to.equal('Too many requests. Wait a moment and try again.');
    expect(part<HTMLButtonElement>(el, 'resend-button')!.disabled).to.equal(true);
    expect(text(part(el, 'countdown'))).to.match(/^You can ask for a new code in [23] seconds\.$/);
    expect(part<HTMLButtonElement>(el, 'submit-button')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, await emulator.lastCode(s.user.id, 'sms'));
    await verified;
  });

  it('too_many_attempts with Retry-After: countdown visible and announced at start and end, submit disabled until it ends', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    const said = recordAnnouncements(el);
    await emulator.fault({
      path: '/oauth/token',
      user_id: s.user.id,
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: 'too_many_attempts', error_description: 'You have exceeded the amount of allowed attempts.' },
    });
    const errors: MfaErrorEvent[] = [];
    el.addEventListener('mfa-error', (e) => errors.push(e));
    await enterCode(el, '123456');
    const countdown = await waitForPart(el, 'countdown');
    const requestsWhenLocked = (await emulator.requests(s.user.id)).length;
    expect(text(countdown)).to.match(/^Too many attempts\. Try again in [12] seconds?\.$/);
    expect(part<HTMLButtonElement>(el, 'submit-button')!.disabled).to.equal(true);
    expect(errors[0]!.detail.error.code).to.equal('too_many_attempts');
    expect(errors[0]!.detail.error.retryAfter).to.equal(2);
    await expect(el).to.be.accessible();
    // While locked, a complete code is not sent.
    await enterCode(el, '654321');
    await waitUntil(() => !part<HTMLButtonElement>(el, 'submit-button')!.disabled, 'submit never re-enabled', { timeout: 6000 });
    expect(part(el, 'countdown')).to.equal(null);
    const lockAnnouncements = said.filter((m) => m.startsWith('Too many attempts'));
    // Announced once at the start, not every second; once at the end.
    expect(lockAnnouncements).to.have.length(1);
    expect(said.filter((m) => m === 'You can try again now.')).to.have.length(1);
    // Nothing was sent while locked.
    expect((await emulator.requests(s.user.id)).length).to.equal(requestsWhenLocked);
    const verified = nextEvent(el, 'mfa-verified');
    codeInput(el).clear();
    await enterCode(el, await totp(s.secret!));
    await verified;
  });

  it('recovery code: tolerant of spaces, dashes and case; shows the rotated code before mfa-verified', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    const link = parts(el, 'switch-button').find((b) => text(b) === 'Use a recovery code')!;
    link.click();
    const input = await waitForPart<HTMLInputElement>(el, 'recovery-input');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
    // Too short: refused locally, no request.
    input.value = 'abcd';
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitForPart(el, 'error');
    expect(text(part(el, 'error'))).to.equal('A recovery code has 24 letters and digits.');
    const code = s.recoveryCode!;
    const typed = code.toLowerCase().match(/.{1,4}/g)!.join(' - ').replace(/ - (\w{4}) - /, ' $1-');
    input.value = ` ${typed} `;
    let verifiedEarly = false;
    el.addEventListener('mfa-verified', () => (verifiedEarly = true), { once: true });
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    const shown = await waitForPart(el, 'recovery-codes');
    expect(verifiedEarly).to.equal(false);
    const body = await emulator.requests(s.user.id);
    expect(body.filter((r) => r.path === '/oauth/token').at(-1)!.error).to.equal(undefined);
    await expect(el).to.be.accessible();
    expect(text(part(el, 'title'))).to.equal('Your new recovery code');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#new-code'), 'focus not on the new code');
    const codes = shown as MfaRecoveryCodes;
    const rotated = codes.codes[0]!;
    expect(codes.codes).to.have.length(1);
    expect(rotated).to.match(/^[A-Z0-9]{24}$/);
    expect(rotated).not.to.equal(code);
    expect(text(codes.shadowRoot!.querySelector('[part~="recovery-codes"]'))).to.equal(rotated.match(/.{4}/g)!.join(' '));
    // Continue only after "I have saved it".
    const continueButton = codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!;
    expect(continueButton.disabled).to.equal(true);
    codes.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
    await codes.updateComplete;
    const verified = nextEvent(el, 'mfa-verified');
    continueButton.click();
    const event = await verified;
    expect(event.detail.method).to.equal('recovery-code');
    expect(event.detail.result.recoveryCode).to.equal(rotated);
    await waitForPart(el, 'success');
  });

  it('a wrong recovery code shows an error and the field keeps its text for correction', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source, { method: 'recovery-code' });
    const input = await waitForPart<HTMLInputElement>(el, 'recovery-input');
    input.value = 'AAAA BBBB CCCC DDDD EEEE FFFF';
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitForPart(el, 'error');
    expect(text(part(el, 'error'))).to.contain('That code is not correct');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    input.value = s.recoveryCode!;
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitForPart(el, 'recovery-codes');
  });

  it('picks by authenticator-id and by method', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'email', email: 'by-id@example.com' }, { factor: 'sms', phoneNumber: '+15555550155' }]);
    const byId = await mount(s.source, { authenticatorId: s.idOf('email') });
    await waitForPart(byId, 'code-input');
    expect(text(part(byId, 'description'))).to.contain('b••••@example.com');
    const byMethod = await mount(s.source, { method: 'otp' });
    await waitForPart(byMethod, 'code-input');
    expect(text(part(byMethod, 'description'))).to.equal('Enter the code shown in your authenticator app.');
    // An id that is not the user's: the picker.
    const unknown = await mount(s.source, { authenticatorId: 'email|nope' });
    await waitForPart(unknown, 'authenticators');
    // "Use another method" leads back to the picker.
    parts(byMethod, 'switch-button').find((b) => text(b) === 'Use another method')!.click();
    await waitForPart(byMethod, 'authenticators');
    expect(byMethod.shadowRoot!.activeElement).to.equal(part(byMethod, 'authenticator'));
  });

  it('the picker starts the chosen method and moves focus to the code', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'email', email: 'picker@example.com' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'authenticators');
    (el.shadowRoot!.querySelector('[data-id^="email"]') as HTMLButtonElement).click();
    await waitForPart(el, 'code-input');
    await waitUntil(() => el.shadowRoot!.activeElement === codeInput(el), 'focus not on the code');
    expect(codeInput(el).shadowRoot!.activeElement).to.equal(innerInput(el));
  });

  it('reports an expired session as mfa-error and ends', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550166' }]);
    await emulator.fault({
      path: '/mfa/challenge',
      user_id: s.user.id,
      status: 401,
      body: { error: 'expired_token', error_description: 'mfa_token is expired' },
    });
    const el = await mount(s.source, { method: 'sms' });
    const event = await nextEvent(el, 'mfa-error');
    expect(event.detail.error.code).to.equal('expired_token');
    expect(event.detail.action).to.equal('challenge');
    await waitForPart(el, 'error');
    expect(text(part(el, 'error'))).to.equal('Your session has expired. Sign in again to continue.');
    expect(part(el, 'code-input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reports unsupported factors as mfa-error so the page can send the user to enrollment', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550177' }, { factor: 'otp' }]);
    await emulator.fault({
      path: '/mfa/challenge',
      user_id: s.user.id,
      status: 400,
      body: { error: 'unsupported_challenge_type', error_description: 'User is not enrolled.' },
    });
    const el = await mount(s.source, { method: 'sms' });
    const event = await nextEvent(el, 'mfa-error');
    expect(event.detail.error.code).to.equal('unsupported_challenge_type');
    await waitForPart(el, 'error');
    // Another factor may still work.
    expect(parts(el, 'switch-button').map(text)).to.include('Use another method');
    await expect(el).to.be.accessible();
  });

  it('a user with nothing enrolled gets association_required', async () => {
    const user = await emulator.createUser();
    const { mfaToken } = await emulator.tokens(user.id);
    const source = new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken });
    const el = await mount(source);
    const event = await nextEvent(el, 'mfa-error');
    expect(event.detail.error.code).to.equal('association_required');
    expect(event.detail.action).to.equal('load');
    await waitForPart(el, 'error');
    await expect(el).to.be.accessible();
  });

  it('a failed list shows a retry that works', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    await emulator.fault({ path: '/mfa/authenticators', user_id: s.user.id, status: 503, body: 'html' });
    const el = await mount(s.source);
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.not.equal('');
    await expect(el).to.be.accessible();
    retry.click();
    await waitForPart(el, 'code-input');
  });

  it('removal from the DOM aborts: no request after disconnect', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    // A slow verify, so the element is removed while it is in flight.
    // The second use of the fault delays a marker call the test sends after the removal.
    await emulator.fault({ path: '/oauth/token', user_id: s.user.id, latencyMs: 400, times: 2 });
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    let fired = false;
    el.addEventListener('mfa-verified', () => (fired = true));
    const before = (await emulator.requests(s.user.id)).length;
    await enterCode(el, await totp(s.secret!));
    await waitUntil(() => part(el, 'submit-button')?.hasAttribute('disabled'), 'not busy');
    el.remove();
    // The marker: sent after the removal and held as long, it is answered after the slow answer
    // the element would have acted on, and is the last thing in the log unless the element sent more.
    await s.source.verify({ type: 'otp', otp: '000000' }).catch(() => {});
    expect(fired).to.equal(false);
    // At most the verify that was in flight reached the server (depending on how far the browser
    // got before the abort), then the marker; nothing else.
    const after = (await emulator.requests(s.user.id)).slice(before);
    expect(after.length).to.be.within(1, 2);
    expect(after.every((r) => r.path === '/oauth/token')).to.equal(true);
  });

  it('renders German and French text from the nearest lang', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'email', email: 'lang@example.com' }]);
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    document.body.append(wrapper);
    const el = document.createElement('mfa-verify');
    el.source = s.source;
    wrapper.append(el);
    await waitForPart(el, 'authenticators');
    // German loads on first use (src/locales): English shows until it arrives.
    await waitUntil(() => text(part(el, 'title')) === 'Bestätigen Sie, dass Sie es sind', 'not German');
    expect(text($(el, '[part~="switch-button"]'))).to.equal('Wiederherstellungscode verwenden');
    wrapper.lang = 'fr';
    await waitUntil(() => text(part(el, 'title')) === 'Confirmez votre identité', 'not French');
    wrapper.remove();
  });
});
