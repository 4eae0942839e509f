/**
 * `<mfa-verify>` alone, when its code-sending part (sending.ts) cannot be fetched while the challenge
 * beside it is still under way: the challenge is aborted (its answer could not be shown), the
 * network error has a retry, and the retry sends a code that verifies. The test server refuses the
 * module while a cookie names it (scripts/wtr/refuse-on-cookie.js); the test holds the challenge
 * until the part has failed. Its own file: a page fetches the part once it can.
 */
import { expect } from '@open-wc/testing';
import type { ChallengeRequest, CallOptions } from '../../src/core/types.js';
import { nextEvent } from '../helpers/within.js';
import { emulator } from '../helpers/emulator.js';
import { refusal } from '../helpers/refusal.js';
import { enterCode, mount, part, seeded, text, waitForPart } from './mfa-verify-helpers.js';

const network = refusal('src/elements/mfa-verify/sending');

describe('<mfa-verify> sms when the sending part fails before the challenge is answered', () => {
  before(() => {
    network.refuse();
  });
  after(() => {
    network.allow();
  });

  it('aborts the challenge, shows the network error; the retry sends a code that verifies', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550187' }]);
    const { challenge } = s.source;
    const signals: AbortSignal[] = [];
    let first = true;
    s.source.challenge = (request: ChallengeRequest, options?: CallOptions) => {
      signals.push(options!.signal!);
      if (!first) return challenge.call(s.source, request, options);
      first = false;
      // Held until its flow aborts it: only then does it fail (as a fetch aborted in flight does).
      return new Promise((_, reject) => options!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    const el = await mount(s.source, { method: 'sms' });
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.equal('The server could not be reached. Check your connection and try again.');
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    expect(signals.map((signal) => signal.aborted), 'the pending challenge aborted').to.deep.equal([true]);

    network.allow();
    retry.click();
    await waitForPart(el, 'code-input');
    expect(signals, 'challenges asked').to.have.length(2);
    const messages = await emulator.outbox({ userId: s.user.id, channel: 'sms' });
    expect(messages, 'codes sent').to.have.length(1);
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, messages[0]!.code);
    expect((await verified).detail.method).to.equal('sms');
  });
});
