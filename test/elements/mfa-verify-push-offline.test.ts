/**
 * `<mfa-verify>` alone, when the push poll (fetched on demand, beside the push challenge) cannot be
 * fetched: the network error and a retry, and the retry fetches it again and waits for the phone.
 * The test server refuses the module while a cookie names it (scripts/wtr/refuse-on-cookie.js).
 * Its own file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { emulator } from '../helpers/emulator.js';
import { waitUntil } from '../helpers/wait.js';
import { mount, part, seeded, text, waitForPart } from './mfa-verify-helpers.js';
import { refusal } from '../helpers/refusal.js';

// The module the element asks for (PollController, which brings core's poll): in the built files
// they are one file; unbundled, Firefox would keep a failed dependency for the page's lifetime.
const network = refusal('src/elements/shared/poll');

describe('<mfa-verify> push when the poll cannot be fetched', () => {
  before(() => {
    network.refuse();
  });
  after(() => {
    network.allow();
  });

  it('shows the network error with a retry; the retry fetches the poll again and the push is approved', async () => {
    const s = await seeded([{ factor: 'push' }], { pushInterval: 1 });
    const el = await mount(s.source, { method: 'push' });
    const retry = await waitForPart<HTMLButtonElement>(el, 'retry-button');
    expect(text(part(el, 'error'))).to.equal('The server could not be reached. Check your connection and try again.');
    await expect(el).to.be.accessible();

    network.allow();
    retry.click();
    await waitForPart(el, 'cancel-button');
    // The first attempt's push was sent (only its poll failed): the retry's is the second.
    await waitUntil(async () => (await emulator.pushes(s.user.id)).length === 2, 'the retry sent no new push');
    const [, second] = await emulator.pushes(s.user.id);
    const verified = nextEvent(el, 'mfa-verified');
    await emulator.approvePush(second!.oob_code);
    expect((await verified).detail.method).to.equal('push');
  });
});
