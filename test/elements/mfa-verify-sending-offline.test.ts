/**
 * `<mfa-verify>` alone, when its code-sending part (sending.ts, fetched on demand beside the
 * challenge request) cannot be fetched: the network error and a retry; the code was sent all the
 * same, so the retry fetches only the part again, sends nothing, and that first code verifies. The test server refuses the module while a cookie names it
 * (scripts/wtr/refuse-on-cookie.js). Its own file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { emulator } from '../helpers/emulator.js';
import { waitUntil } from '../helpers/wait.js';
import { enterCode, mount, part, recordAnnouncements, seeded, text, waitForPart, watchChallenges } from './mfa-verify-helpers.js';
import { hold } from '../helpers/hold.js';
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

  it('shows the network error with a retry; the retry fetches the part again and the code already sent verifies', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550188' }]);
    const challenges = watchChallenges(s.source);
    // The part's refusal waits for the challenge's answer: a refusal before it would drop the
    // challenge (mfa-verify-sending-offline-pending.test.ts).
    const late = hold('src/elements/mfa-verify/sending');
    // Recorded from before the element exists: it reports the failure the moment the fetch fails.
    const reported: { code: string; action: string }[] = [];
    const record = (event: Event) => {
      const { error, action } = (event as MfaErrorEvent).detail;
      reported.push({ code: error.code, action });
    };
    document.addEventListener('mfa-error', record);
    const el = await mount(s.source, { method: 'sms' });
    const said = recordAnnouncements(el);
    await waitUntil(() => challenges.answered, 'the challenge was not answered');
    await waitUntil(async () => (await late.held()) === 1, 'the sending part was not requested');
    await late.release();
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    const offline = 'The server could not be reached. Check your connection and try again.';
    expect(text(part(el, 'error'))).to.equal(offline);
    await waitUntil(() => said.some((message) => message.includes(offline)), 'the error was not announced');
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    document.removeEventListener('mfa-error', record);
    expect(reported).to.deep.equal([{ code: 'network_error', action: 'challenge' }]);
    await expect(el).to.be.accessible();

    network.allow();
    retry.click();
    await waitForPart(el, 'code-input');
    // The first attempt's code was sent (only the part failed): the retry goes on with it.
    expect(challenges.asked, 'challenges asked').to.equal(1);
    const messages = await emulator.outbox({ userId: s.user.id, channel: 'sms' });
    expect(messages, 'codes sent').to.have.length(1);
    expect(text(part(el, 'description'))).to.contain(s.nameOf('sms'));
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, messages[0]!.code);
    expect((await verified).detail.method).to.equal('sms');
  });
});
