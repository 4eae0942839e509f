/**
 * Seed 000's hosted-ticket rows: `webauthn-roaming`, `webauthn-platform` and `duo`, end to end in
 * proxy mode (ProxySource → createMfaProxy → the emulator, which scripts/wtr/servers.js starts with
 * those factors on). The rows come from the tenant's factor list; Enroll opens the hosted ticket
 * page in the popup; the test completes that page the way its form would (the emulator's button
 * stands in for the device step) and closes the window like a user; the new key is listed,
 * `mfa-enroll` told, then it is removed (`mfa-remove`). axe in each state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FetchLike } from '../../src/core/types.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import type { MfaEnrollEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { nextEvent } from '../helpers/within.js';
import { $, $$, button, completeTicket, enrolledNames, freshUser, isEnrolled, liveText, loaded, proxyUrl, row, until } from './mfa-enrollment-helpers.js';
import { closeWhenLoaded, restoreOpen, watchOpen } from './popup-helpers.js';

const HOSTED = [
  // Duo: the ticket API takes no `duo` factor, so its ticket names none and Duo is picked on the page.
  { factor: 'duo', title: 'Duo Security', form: { factor: 'duo' } },
  { factor: 'webauthn-roaming', title: 'Security key', form: {} },
  { factor: 'webauthn-platform', title: 'Device biometrics', form: {} },
] as const;

/** A fetch for the provider that keeps the ticket URLs the proxy hands out (the popup's page is cross-origin). */
function recordingTickets(tickets: string[]): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method === 'POST' && new URL(input, location.href).pathname === proxyUrl() && response.ok) {
      tickets.push(((await response.clone().json()) as { ticket_url: string }).ticket_url);
    }
    return response;
  };
}

describe('<mfa-enrollment> WebAuthn and Duo rows through the hosted ticket (proxy mode)', function () {
  // A real window, navigated cross-origin, and the element's 500 ms close check per factor.
  this.timeout(90_000);
  afterEach(restoreOpen);

  for (const { factor, title, form } of HOSTED) {
    it(`${factor}: shown from the factor list, enrolled in the popup, listed, removed`, async () => {
      await freshUser('proxy');
      const tickets: string[] = [];
      const provider = await fixture<MfaProvider>(html`<mfa-provider proxy-url=${proxyUrl()!} .fetch=${recordingTickets(tickets)}>
        <mfa-enrollment></mfa-enrollment>
      </mfa-provider>`);
      const el = provider.querySelector('mfa-enrollment')!;
      await loaded(el);
      const rows = $$(el, '[part~="factor"]').map((r) => r.dataset.factor);
      expect(rows).to.include.members(HOSTED.map((h) => h.factor));
      const here = row(el, factor);
      expect(here.querySelector('[part~="title"]')!.textContent).to.equal(title);
      expect(isEnrolled(el, factor)).to.equal(false);
      await expect(el).to.be.accessible();

      const opened = watchOpen();
      button(el, 'enroll-button', here).focus();
      await sendKeys({ press: 'Enter' });
      await until(el, () => $(el, `[data-factor="${factor}"] [part~="flow"] [part~="done-button"]`) && tickets.length === 1, 'popup state');
      expect(opened).to.have.length(1);
      expect(opened[0]!.win, 'a popup, not blocked').to.not.equal(null);
      expect(liveText(el)).to.contain('Finish in the window that opened');
      await expect(el).to.be.accessible();

      await completeTicket(tickets[0]!, form);
      const enrolled = nextEvent(el, 'mfa-enroll', 30_000) as Promise<MfaEnrollEvent>;
      await closeWhenLoaded(opened[0]!.win!);
      const event = await enrolled;
      expect(event.detail.factor).to.equal(factor);
      expect(event.detail.authenticator?.factor).to.equal(factor);
      expect(event.detail.authenticator?.id).to.match(new RegExp(`^${factor}\\|`));
      await until(el, () => isEnrolled(el, factor), 'listed as enrolled');
      // The name the Management API lists for it (the emulator's, as the page asked for none).
      expect(enrolledNames(el, factor)[0]).to.match(/^Emulated /);
      expect(liveText(el)).to.contain(`${title} is set up`);
      await expect(el).to.be.accessible();

      button(el, 'remove-button', row(el, factor)).click();
      await until(el, () => $(el, '[part~="confirm-button"]'), 'confirmation');
      await expect(el).to.be.accessible();
      const removed = nextEvent(el, 'mfa-remove') as Promise<MfaRemoveEvent>;
      button(el, 'confirm-button').click();
      const gone = await removed;
      expect(gone.detail.factor).to.equal(factor);
      expect(gone.detail.authenticatorId).to.equal(event.detail.authenticator!.id);
      await until(el, () => !isEnrolled(el, factor) && $(el, `[data-factor="${factor}"] [part~="enroll-button"]`), 'removed, Enroll offered again');
      await expect(el).to.be.accessible();
    });
  }
});
