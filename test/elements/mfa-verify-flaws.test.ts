/**
 * What a user met in `<mfa-verify>` (issue 16), against the emulator: push's one-time-code twin is
 * not a second choice, "Try again" after a failed load puts focus somewhere, "0 attempts left"
 * holds the submit back, and phone factors are named and masked like in `<mfa-enrollment>`.
 */
import { expect } from '@open-wc/testing';
import { emulator } from '../helpers/emulator.js';
import { waitUntil } from '../helpers/wait.js';
import { enterCode, mount, part, parts, seeded, text, waitForPart } from './mfa-verify-helpers.js';

describe('<mfa-verify> issue 16', () => {
  it('the picker lists push once, not its linked one-time-code twin as a second app', async () => {
    const s = await seeded([{ factor: 'push' }, { factor: 'otp' }, { factor: 'voice', phoneNumber: '+15555550123' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'authenticators');
    const options = parts(el, 'authenticator');
    const labels = options.map((o) => text(o.querySelector('[part~="authenticator-label"]')));
    expect(labels.filter((l) => l === 'Authenticator app'), 'one app: the real one').to.have.length(1);
    expect(labels).to.have.length(4); // push, sms twin of voice, voice, otp
    const realApp = s.seeds[1]!.authenticators.find((a) => a.authenticator_type === 'otp')!.id;
    const twin = s.seeds[0]!.authenticators.find((a) => a.authenticator_type === 'otp')!.id;
    const ids = options.map((o) => o.dataset.id);
    expect(ids).to.include(realApp);
    expect(ids).not.to.include(twin);
    // One factor name and one mask, as in <mfa-enrollment>.
    const voice = options.find((o) => text(o.querySelector('[part~="authenticator-label"]')) === 'Voice call');
    expect(voice, 'named "Voice call"').to.not.equal(undefined);
    expect(text(voice!.querySelector('[part~="authenticator-name"]'))).to.equal('+•••••••0123');
    await expect(el).to.be.accessible();
  });

  it('"Try again" after a failed load moves focus to what comes next, not <body>', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    await emulator.fault({ path: '/mfa/authenticators', method: 'GET', user_id: s.user.id, status: 500 });
    const el = await mount(s.source);
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    retry.focus();
    retry.click();
    await waitForPart(el, 'code-input');
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'code-input'), `focus is on ${document.activeElement?.tagName}`);
  });

  it('"0 attempts left" disables Verify, and a code entered then sends nothing', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550124' }, { factor: 'email', email: 'spent@example.com' }], {
      limits: { otpFailures: { burst: 1, refill: 1, periodSeconds: 3600 } },
    });
    const el = await mount(s.source, { method: 'sms' });
    await waitForPart(el, 'code-input');
    const code = await emulator.lastCode(s.user.id, 'sms');
    await enterCode(el, code === '000000' ? '111111' : '000000');
    await waitUntil(() => /0 attempts left\./.test(text(part(el, 'error'))), 'never said 0 attempts left');
    const submit = part<HTMLButtonElement>(el, 'submit-button')!;
    expect(submit.disabled, 'Verify disabled with no attempts left').to.equal(true);
    const before = (await emulator.requests(s.user.id)).filter((r) => r.path === '/oauth/token').length;
    await enterCode(el, code);
    await el.updateComplete;
    const after = (await emulator.requests(s.user.id)).filter((r) => r.path === '/oauth/token').length;
    expect(after, 'no request spent on a code that could only get 429').to.equal(before);
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-verify> heading', () => {
  it('is a heading at the level the page sets (2 by default)', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    const title = part(el, 'title')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('2');
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(title.getAttribute('aria-level')).to.equal('3');
    await expect(el).to.be.accessible();
  });
});
