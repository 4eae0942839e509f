/**
 * `<mfa-verify>` alone, when its code-sending part (sending.ts) cannot be fetched after a push
 * challenge was answered: the push was sent, so the retry is a plain "Try again" (not "Send a new
 * request"), fetches only the part, and waits for that first push. The test server holds the
 * part's request until the challenge is answered, then refuses it (scripts/wtr/refuse-on-cookie.js).
 * Its own file: a page fetches the part once it can.
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { emulator } from '../helpers/emulator.js';
import { hold } from '../helpers/hold.js';
import { refusal } from '../helpers/refusal.js';
import { waitUntil } from '../helpers/wait.js';
import { mount, part, seeded, text, waitForPart, watchChallenges } from './mfa-verify-helpers.js';

const network = refusal('src/elements/mfa-verify/sending');

describe('<mfa-verify> push when the sending part fails after the push was sent', () => {
  before(() => {
    network.refuse();
  });
  after(() => {
    network.allow();
  });

  it('offers "Try again", which sends nothing and waits for the push already sent', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    const challenges = watchChallenges(s.source);
    const late = hold('src/elements/mfa-verify/sending');
    const el = await mount(s.source, { method: 'push' });
    await waitUntil(() => challenges.answered, 'the challenge was not answered');
    await waitUntil(async () => (await late.held()) === 1, 'the sending part was not requested');
    await late.release();
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.equal('The server could not be reached. Check your connection and try again.');
    expect(text(retry)).to.equal('Try again');
    expect(el.shadowRoot!.activeElement).to.equal(retry);

    network.allow();
    retry.click();
    await waitForPart(el, 'cancel-button');
    expect(challenges.asked, 'challenges asked').to.equal(1);
    const pushes = await emulator.pushes(s.user.id);
    expect(pushes, 'pushes sent').to.have.length(1);
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(pushes[0]!.oob_code);
    expect((await verified).detail.method).to.equal('push');
  });
});
