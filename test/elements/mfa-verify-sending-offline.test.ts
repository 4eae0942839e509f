/**
 * `<mfa-verify>` alone, when its code-sending part (sending.ts, fetched on demand beside the
 * challenge request) cannot be fetched: the network error and a retry, and the retry fetches it
 * again and the code sent then verifies. The test server refuses the module while a cookie names it
 * (scripts/wtr/refuse-on-cookie.js). Its own file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { emulator } from '../helpers/emulator.js';
import { waitUntil } from '../helpers/wait.js';
import { enterCode, mount, part, seeded, text, waitForPart } from './mfa-verify-helpers.js';
import { refusal } from '../helpers/refusal.js';
import type { MfaErrorEvent } from '../../src/elements/shared/events.js';

const network = refusal('src/elements/mfa-verify/sending');

describe('<mfa-verify> sms when the sending part cannot be fetched', () => {
  before(() => {
    network.refuse();
  });
  after(() => {
    network.allow();
  });

  it('shows the network error with a retry; the retry fetches the part again and the code verifies', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550188' }]);
    // Recorded from before the element exists: it reports the failure the moment the fetch fails.
    const reported: { code: string; action: string }[] = [];
    const record = (event: Event) => {
      const { error, action } = (event as MfaErrorEvent).detail;
      reported.push({ code: error.code, action });
    };
    document.addEventListener('mfa-error', record);
    const el = await mount(s.source, { method: 'sms' });
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.equal('The server could not be reached. Check your connection and try again.');
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    document.removeEventListener('mfa-error', record);
    expect(reported).to.deep.equal([{ code: 'network_error', action: 'challenge' }]);
    await expect(el).to.be.accessible();

    network.allow();
    retry.click();
    await waitForPart(el, 'code-input');
    // The first attempt's code was sent (only the part failed): the retry's is the second.
    await waitUntil(async () => (await emulator.outbox({ userId: s.user.id, channel: 'sms' })).length === 2, 'the retry sent no new code');
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, await emulator.lastCode(s.user.id, 'sms'));
    expect((await verified).detail.method).to.equal('sms');
  });
});
