import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import type { MfaErrorEvent } from '../../src/define/mfa-verify.js';
import { emulator, type LoggedRequest } from '../helpers/emulator.js';
import { mount, part, parts, pollWindow, recordAnnouncements, seeded, text, waitForPart } from './mfa-verify-helpers.js';

/** Polls of `/oauth/token` (the grant) after the challenge, in order. */
function polls(requests: LoggedRequest[]): LoggedRequest[] {
  const challenge = requests.findIndex((r) => r.path === '/mfa/challenge');
  return requests.slice(challenge + 1).filter((r) => r.path === '/oauth/token');
}

// The waits between polls (the server interval, +5 s after slow_down) are asserted against a fake
// clock in test/core/poller.node.test.ts; here, with real time, only the order of what happened is.

describe('<mfa-verify> push', () => {
  it('approved: waits visibly and audibly at the server interval, then fires mfa-verified', async () => {
    const s = await seeded([{ factor: 'push', deviceName: 'Pixel 9' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    const said = recordAnnouncements(el);
    await waitForPart(el, 'cancel-button');
    expect(text(part(el, 'description'))).to.equal('We sent a notification to Pixel 9. Approve it to continue.');
    expect(text(part(el, 'status'))).to.equal('Waiting for your approval…');
    await waitUntil(() => said.some((m) => m.includes('Waiting for your approval…')), 'waiting not announced');
    await expect(el).to.be.accessible();
    const pending = await emulator.waitForPendingPush(s.user.id);
    // Let it poll a few times while pending.
    await waitUntil(async () => polls(await emulator.requests(s.user.id)).length >= 2, 'no polling', { timeout: 8000 });
    expect(text(part(el, 'countdown'))).to.match(/^The request expires in \d:\d\d\.$/);
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(pending.oob_code);
    const event = await verified;
    expect(event.detail.method).to.equal('push');
    expect(event.detail.authenticator?.id).to.equal(s.idOf('push'));
    const requests = await emulator.requests(s.user.id);
    expect(polls(requests).length).to.be.greaterThan(2);
    expect(polls(requests).filter((r) => r.error === 'slow_down')).to.deep.equal([]);
    await waitForPart(el, 'success');
  });

  it('rejected: a clear message, mfa-error, focus on retry; a new request can then be approved', async () => {
    const s = await seeded([{ factor: 'push' }, { factor: 'otp' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    await waitForPart(el, 'cancel-button');
    const errors: MfaErrorEvent[] = [];
    el.addEventListener('mfa-error', (e) => errors.push(e));
    const first = await emulator.waitForPendingPush(s.user.id);
    await emulator.rejectPush(first.oob_code);
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.equal('The request was denied on your phone.');
    expect(text(retry)).to.equal('Send a new request');
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['invalid_grant']);
    await waitUntil(() => el.shadowRoot!.activeElement === retry, 'focus not on retry');
    // Or pick another factor.
    expect(parts(el, 'switch-button').map(text)).to.include('Use another method');
    await expect(el).to.be.accessible();
    retry.click();
    await waitForPart(el, 'cancel-button');
    const second = await emulator.waitForPendingPush(s.user.id);
    expect(second.oob_code).not.to.equal(first.oob_code);
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(second.oob_code);
    await verified;
  });

  it('slow_down: the next poll waits the interval plus 5 s', async function () {
    this.timeout(30_000);
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    // The first poll answers slow_down (as if the server had seen one too many).
    await emulator.fault({
      path: '/oauth/token',
      user_id: s.user.id,
      status: 429,
      body: { error: 'slow_down', error_description: 'You are polling faster than allowed.' },
    });
    const el = await mount(s.source, { method: 'push' });
    await waitForPart(el, 'cancel-button');
    const pending = await emulator.waitForPendingPush(s.user.id);
    await waitUntil(async () => polls(await emulator.requests(s.user.id)).some((r) => r.error === 'slow_down'), 'no slow_down', {
      timeout: 5000,
    });
    await emulator.approvePush(pending.oob_code);
    await nextEvent(el, 'mfa-verified');
    const requests = polls(await emulator.requests(s.user.id));
    expect(requests.map((r) => r.error)).to.deep.equal(['slow_down', undefined]);
  });

  it('expired: a short per-user push TTL ends the wait with a message and a retry, without mfa-error', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1, pushTtl: 2 });
    const el = await mount(s.source, { method: 'push' });
    const errors: MfaErrorEvent[] = [];
    el.addEventListener('mfa-error', (e) => errors.push(e));
    const said = recordAnnouncements(el);
    const first = await emulator.waitForPendingPush(s.user.id);
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button', 10_000);
    expect(text(part(el, 'error'))).to.equal('The request expired before it was approved.');
    await waitUntil(() => said.includes('The request expired before it was approved.'), 'expiry not announced');
    expect(errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
    retry.click();
    await waitForPart(el, 'cancel-button');
    let next: string | undefined;
    await waitUntil(async () => {
      next = (await emulator.pushes(s.user.id)).find((p) => p.oob_code !== first.oob_code)?.oob_code;
      return next;
    }, 'no new push');
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(next!);
    await verified;
  });

  it('cancel stops polling at once and offers a new request', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    const cancel = await waitForPart<HTMLButtonElement>(el, 'cancel-button');
    await waitUntil(async () => polls(await emulator.requests(s.user.id)).length >= 1, 'no polling', { timeout: 5000 });
    cancel.click();
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    const seen = (await emulator.requests(s.user.id)).length;
    expect(text(part(el, 'error'))).to.equal('The request was cancelled.');
    await waitUntil(() => el.shadowRoot!.activeElement === retry, 'focus not on retry');
    await pollWindow(2);
    expect((await emulator.requests(s.user.id)).slice(seen)).to.deep.equal([]);
  });

  it('removal from the DOM aborts the polling: no request after disconnect', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    await waitForPart(el, 'cancel-button');
    await waitUntil(async () => polls(await emulator.requests(s.user.id)).length >= 1, 'no polling', { timeout: 5000 });
    el.remove();
    const seen = (await emulator.requests(s.user.id)).length;
    await pollWindow(2);
    expect((await emulator.requests(s.user.id)).slice(seen)).to.deep.equal([]);
  });
});
