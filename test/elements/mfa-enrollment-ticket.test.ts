/**
 * The hosted ticket popup: opened centered at 450×720 from a real key press, watched for closing
 * no faster than every 250 ms, the list refreshed when it closes; a blocked popup becomes a link.
 * The hosted page is the emulator's (GET/POST /guardian/enroll); the test submits its form the way
 * the page would and then closes the window, since a test cannot reach into a cross-origin window.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { POPUP_POLL_MS } from '../../src/elements/mfa-enrollment/mfa-enrollment.js';
import { emulator } from '../helpers/emulator.js';
import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import type { MfaEnrollEvent, MfaErrorEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { env } from '../helpers/env.js';
import { waitUntil } from '../helpers/wait.js';
import { $, $$, button, completeTicket, freshUser, isEnrolled, liveText, loaded, row, setupTicketOnly, until } from './mfa-enrollment-helpers.js';
import { closeWhenLoaded } from './popup-helpers.js';

interface Opened {
  url: string;
  target: string;
  features: string;
  win: Window | null;
}

const realOpen = window.open;
const realSetInterval = window.setInterval;
let opened: Opened[] = [];
let intervals: number[] = [];

/** Records window.open calls; `block` makes them return null, as a popup blocker does. */
function watchOpen(block = false): void {
  opened = [];
  window.open = function (url?: string | URL, target?: string, features?: string) {
    const win = block ? null : realOpen.call(window, url, target, features);
    opened.push({ url: String(url ?? ''), target: target ?? '', features: features ?? '', win });
    return win;
  } as typeof window.open;
}

async function pressEnterOn(target: HTMLElement): Promise<void> {
  target.focus();
  await sendKeys({ press: 'Enter' });
}

describe('<mfa-enrollment> hosted ticket popup', function () {
  // Each test opens a real window, navigates it cross-origin and waits for the element's 500 ms
  // close check: on a loaded 2-core machine that has taken over the default 20 s.
  this.timeout(60_000);

  beforeEach(() => {
    intervals = [];
    window.setInterval = function (handler: TimerHandler, timeout?: number, ...args: unknown[]) {
      intervals.push(timeout ?? 0);
      return realSetInterval(handler, timeout, ...args);
    } as typeof window.setInterval;
  });

  afterEach(async () => {
    await executeServerCommand('close-popups');
    window.open = realOpen;
    window.setInterval = realSetInterval;
  });

  it('opens a centered 450×720 popup, refreshes when it closes, and reports the new authenticator', async () => {
    const { el, source, user } = await setupTicketOnly();
    watchOpen();
    await pressEnterOn(button(el, 'enroll-button', row(el, 'otp')));
    await until(el, () => $(el, '[part~="flow"]') && source.tickets.length === 1, 'popup state');
    expect(opened).to.have.length(1);
    const [popup] = opened;
    expect(popup!.features).to.match(/width=450,height=720/);
    expect(popup!.features).to.match(/left=\d+,top=\d+/);
    expect(popup!.win).to.not.equal(null);
    expect(liveText(el)).to.contain('Finish in the window that opened');

    const before = (await emulator.requests(user.id)).filter((r) => r.path === '/mfa/authenticators').length;
    await completeTicket(source.tickets[0]!);
    const enrolled = nextEvent(el, 'mfa-enroll', 30_000) as Promise<MfaEnrollEvent>;
    await closeWhenLoaded(popup!.win!);
    const event = await enrolled;
    expect(event.detail.factor).to.equal('otp');
    expect(event.detail.authenticator?.factor).to.equal('otp');
    expect(isEnrolled(el, 'otp')).to.equal(true);
    const after = (await emulator.requests(user.id)).filter((r) => r.path === '/mfa/authenticators').length;
    expect(after).to.equal(before + 1);
    // Polled for closing, never faster than every 250 ms (the seed used 0).
    expect(POPUP_POLL_MS).to.be.at.least(250);
    expect(intervals).to.include(POPUP_POLL_MS);
    expect(intervals.every((ms) => ms >= 250)).to.equal(true);
  });

  it('a popup closed without finishing says so and sends no mfa-enroll', async () => {
    const { el } = await setupTicketOnly();
    watchOpen();
    let enrolled = false;
    el.addEventListener('mfa-enroll', () => (enrolled = true));
    await pressEnterOn(button(el, 'enroll-button', row(el, 'email')));
    await until(el, () => $(el, '[part~="done-button"]'), 'popup state');
    expect($(el, '[part~="ticket-link"]'), 'opened, not blocked').to.equal(null);
    await closeWhenLoaded(opened[0]!.win!);
    await until(el, () => liveText(el).includes('closed before'), 'told');
    expect(enrolled).to.equal(false);
    expect(isEnrolled(el, 'email')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'enroll-button', row(el, 'email')));
  });

  it('a blocked popup becomes a visible link, with mfa-error popup_blocked; the link opens it', async () => {
    const { el, source } = await setupTicketOnly();
    watchOpen(true);
    const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
    await pressEnterOn(button(el, 'enroll-button', row(el, 'sms')));
    const error = await failed;
    expect(error.detail.error.code).to.equal('popup_blocked');
    expect(error.detail.action).to.equal('enroll');
    await until(el, () => $(el, '[part~="ticket-link"]'), 'link shown');
    const link = $<HTMLAnchorElement>(el, '[part~="ticket-link"]')!;
    expect(link.href).to.equal(source.tickets[0]);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('blocked');
    expect(el.shadowRoot!.activeElement).to.equal(link);

    watchOpen();
    await sendKeys({ press: 'Enter' });
    await until(el, () => opened.length === 1 && $(el, '[part~="flow"]') && !$(el, '[part~="ticket-link"]'), 'popup opened from the link');
    expect(opened[0]!.url, 'opened blank, disowned, then sent to the ticket').to.equal('about:blank');
    await completeTicket(source.tickets[0]!, { phone_number: '+15555550133' });
    const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    await closeWhenLoaded(opened[0]!.win!);
    expect((await enrolled).detail.factor).to.equal('sms');
    await until(el, () => isEnrolled(el, 'sms'), 'phone listed');
  });

  it('"I have finished" refreshes without waiting for the window', async () => {
    const { el, source } = await setupTicketOnly();
    watchOpen(true);
    await pressEnterOn(button(el, 'enroll-button', row(el, 'push')));
    await until(el, () => $(el, '[part~="done-button"]'), 'blocked state');
    await completeTicket(source.tickets[0]!);
    const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    button(el, 'done-button').click();
    expect((await enrolled).detail.factor).to.equal('push');
    await until(el, () => isEnrolled(el, 'push'), 'push listed');
  });

  it('the ticket page finds no window.opener (noopener), and closing it is still seen', async () => {
    const { el, source } = await setupTicketOnly();
    // The test server under its other loopback name: a cross-site page, as the tenant's is.
    const otherName = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const id = `probe-${Date.now()}`;
    source.ticketUrlOverride = `http://${otherName}:${location.port}/__opener-probe/page?id=${id}`;
    watchOpen();
    await pressEnterOn(button(el, 'enroll-button', row(el, 'email')));
    let report = '';
    await waitUntil(async () => (report = await (await fetch(`/__opener-probe/result?id=${id}`)).text()), 'the probe page never loaded', { timeout: 20_000 });
    expect(report, 'the opened page sees window.opener').to.equal('none');
    expect(opened[0]!.url).to.equal('about:blank');
    await closeWhenLoaded(opened[0]!.win!);
    await until(el, () => liveText(el).includes('closed before'), 'the closing was noticed');
  });

  it('refuses a ticket URL that is neither https: nor loopback http:, and closes the blank popup', async () => {
    const { el, source } = await setupTicketOnly();
    source.ticketUrlOverride = 'http://phish.example/guardian/enroll?ticket=x';
    watchOpen();
    const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
    await pressEnterOn(button(el, 'enroll-button', row(el, 'otp')));
    expect((await failed).detail.error.code).to.equal('invalid_uri');
    await until(el, () => $(el, '[data-factor="otp"] [part~="error"]'), 'error under the row');
    expect(opened[0]!.url).to.equal('about:blank');
    expect(opened[0]!.win!.closed).to.equal(true);
  });
});

if (env.labUrl && env.loginUrl) {
  describe('<mfa-enrollment> on the Auth0 Lab routers (ProxySource finds no associate route)', () => {
    afterEach(async () => {
      await executeServerCommand('close-popups');
      window.open = realOpen;
    });

    it('lists from GET {base}, enrolls OTP through the hosted ticket, removes through DELETE {base}/{id}', async () => {
      await freshUser('proxy');
      const provider = await fixture<MfaProvider>(html`<mfa-provider proxy-url=${env.labUrl!}>
        <mfa-enrollment></mfa-enrollment>
      </mfa-provider>`);
      const el = provider.querySelector('mfa-enrollment')!;
      await loaded(el);
      // The rows are the tenant's factors as the Lab router reports them (no email there).
      expect($$(el, '[part~="factor"]').map((r) => r.dataset.factor)).to.include.members(['push', 'otp', 'sms']);
      expect($(el, '[data-factor="email"]')).to.equal(null);

      // Blocked, so that the ticket URL is on screen (a test cannot read a cross-origin window's location).
      watchOpen(true);
      await pressEnterOn(button(el, 'enroll-button', row(el, 'otp')));
      // <mfa-otp-enroll> asked to associate; the proxy answered with a ticket, which this element took over.
      await until(el, () => $(el, '[part~="ticket-link"]'), 'ticket link');
      const ticketUrl = $<HTMLAnchorElement>(el, '[part~="ticket-link"]')!.href;
      expect(ticketUrl).to.match(/\/guardian\/enroll\?ticket=/);
      expect($(el, 'mfa-otp-enroll'), 'the OTP element gave way').to.equal(null);
      await completeTicket(ticketUrl);
      const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
      button(el, 'done-button').click();
      const event = await enrolled;
      expect(event.detail.factor).to.equal('otp');
      await until(el, () => isEnrolled(el, 'otp'), 'otp listed from the factor list');

      button(el, 'remove-button', row(el, 'otp')).click();
      await until(el, () => $(el, '[part~="confirm-button"]'), 'confirm');
      const removed = nextEvent(el, 'mfa-remove') as Promise<MfaRemoveEvent>;
      button(el, 'confirm-button').click();
      expect((await removed).detail.factor).to.equal('otp');
      await until(el, () => !isEnrolled(el, 'otp'), 'removed');
    });
  });
}

