/**
 * `<mfa-verify>` when its flow ends (the element is removed, `restart()`ed, or given another source)
 * after the challenge was answered but while its code-sending part (sending.ts, fetched beside the
 * challenge) is still loading: once the part arrives, the old flow must do nothing (no code step,
 * no resend countdown, no WebOTP wait, no request). The test server holds the part's response
 * until the test releases it (scripts/wtr/refuse-on-cookie.js). Its own file, and the three cases
 * share one held fetch: a page fetches the part once.
 */
import { expect } from '@open-wc/testing';
import type { MfaApiSource } from '../../src/core/api-source.js';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import { loadSending } from '../../src/elements/mfa-verify/sending-loader.js';
import { emulator, type LoggedRequest } from '../helpers/emulator.js';
import { hold } from '../helpers/hold.js';
import { waitUntil } from '../helpers/wait.js';
import { mount, part, recordAnnouncements, seeded, waitForPart, type Seeded } from './mfa-verify-helpers.js';

/** The element's calls on its source (still over real HTTP), and how many challenges were answered. */
function watch(source: MfaApiSource): { calls: string[]; answered: () => number } {
  const calls: string[] = [];
  let answered = 0;
  const { challenge, verify } = source;
  source.challenge = (...args) => {
    calls.push('challenge');
    const asked = challenge.apply(source, args);
    asked.then(() => (answered += 1), () => {});
    return asked;
  };
  source.verify = (...args) => {
    calls.push('verify');
    return verify.apply(source, args);
  };
  return { calls, answered: () => answered };
}

/** What one case leaves behind once the part has arrived. */
interface Case {
  s: Seeded;
  el: MfaVerify;
  calls: string[];
  /** The element's source calls and the user's request log once its flow ended (before the part arrived). */
  callsAtEnd: number;
  logAtEnd: LoggedRequest[];
  /** Countdown starts since the flow ended. */
  started: number;
  said: string[];
}

describe('<mfa-verify> when the flow ends while the sending part is still loading', () => {
  type Get = CredentialsContainer['get'];
  let originalGet: Get;
  let hadOtpCredential: boolean;
  let hadCredentials: boolean;
  /** Every WebOTP request made (there is no code step left to make one for). */
  const webOtp: Array<{ signal: AbortSignal; answer: Promise<unknown>; resolve: (credential: unknown) => void }> = [];
  const cases: Record<'removed' | 'restarted' | 'switched', Case> = {} as never;
  /** WebOTP waits not aborted once the part had arrived (a typed or filled code aborts one too). */
  let runningWebOtp = 0;
  /** The user the switched element is given. */
  let other: Seeded;

  before(async () => {
    // WebOTP as on a phone: the stale flow would fill the code from the SMS and verify with it.
    hadOtpCredential = 'OTPCredential' in window;
    if (!hadOtpCredential) Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    hadCredentials = Boolean(navigator.credentials);
    if (!hadCredentials) Object.defineProperty(navigator, 'credentials', { value: {}, configurable: true });
    originalGet = navigator.credentials.get;
    navigator.credentials.get = ((options: CredentialRequestOptions) => {
      let resolve!: (credential: unknown) => void;
      const answer = new Promise((done) => (resolve = done));
      webOtp.push({ signal: options.signal!, answer, resolve });
      return answer;
    }) as Get;

    const sendingPart = hold('src/elements/mfa-verify/sending');
    const [a, b, c, d] = await Promise.all([
      seeded([{ factor: 'sms', phoneNumber: '+15555550171' }]),
      seeded([{ factor: 'sms', phoneNumber: '+15555550172' }, { factor: 'email', email: 'race-restart@example.com' }]),
      seeded([{ factor: 'sms', phoneNumber: '+15555550173' }]),
      seeded([{ factor: 'sms', phoneNumber: '+15555550174' }, { factor: 'email', email: 'race-switch@example.com' }]),
    ]);
    other = d;
    const watched = [a, b, c].map((s) => watch(s.source));
    const removed = await mount(a.source, { method: 'sms' });
    const switched = await mount(c.source, { method: 'sms' });
    const restarted = await mount(b.source);
    (await waitForPart(restarted, 'authenticator')).click();
    await waitUntil(() => watched.every((w) => w.answered() === 1), 'the three challenges were not answered');
    await waitUntil(async () => (await sendingPart.held()) === 1, 'the sending part was not requested');
    for (const [s, el] of [[a, removed], [b, restarted], [c, switched]] as const) {
      expect(el._step, 'sending while the part loads').to.equal('sending');
      expect(await emulator.outbox({ userId: s.user.id }), 'one code sent').to.have.length(1);
    }

    const end = (key: keyof typeof cases, s: Seeded, el: MfaVerify, i: number, stop: () => void) => {
      const said = recordAnnouncements(el);
      const countdown = el._countdown;
      const start = countdown._start.bind(countdown);
      let started = 0;
      countdown._start = () => {
        started += 1;
        start();
      };
      stop();
      cases[key] = {
        s,
        el,
        calls: watched[i]!.calls,
        callsAtEnd: 0,
        logAtEnd: [],
        said,
        get started() {
          return started;
        },
      };
    };
    end('removed', a, removed, 0, () => removed.remove());
    end('restarted', b, restarted, 1, () => restarted.restart());
    end('switched', c, switched, 2, () => {
      // No method for the new user: its flow stops at the picker, sending nothing.
      switched.method = undefined;
      switched.source = d.source;
    });
    // The new flows have listed their authenticators and show the picker (two of each).
    await waitUntil(() => restarted._step === 'pick' && switched._step === 'pick', 'restart and switch did not reach the picker');
    // From here on, only the old flows could make a request (the part holds them all).
    for (const ended of Object.values(cases)) {
      ended.callsAtEnd = ended.calls.length;
      ended.logAtEnd = await emulator.requests(ended.s.user.id);
    }

    await sendingPart.release();
    await loadSending();
    await Promise.all([removed, restarted, switched].map((el) => el.updateComplete));
    // Were a WebOTP wait still running, the SMS arrives now: it would verify.
    const code = await emulator.lastCode(a.user.id, 'sms');
    runningWebOtp = webOtp.filter((request) => !request.signal.aborted).length;
    for (const request of webOtp) request.resolve({ type: 'otp', code });
    await Promise.all(webOtp.map((request) => request.answer));
    await Promise.all([removed, restarted, switched].map((el) => el.updateComplete));
  });

  after(() => {
    if (hadCredentials) navigator.credentials.get = originalGet;
    else delete (navigator as { credentials?: unknown }).credentials;
    if (!hadOtpCredential) delete (window as { OTPCredential?: unknown }).OTPCredential;
    cases.restarted?.el.remove();
    cases.switched?.el.remove();
  });

  /** What no case may show once the part arrived: the old flow's code step, countdown, WebOTP, requests. */
  async function expectNothingFromTheOldFlow({ s, el, calls, callsAtEnd, logAtEnd, started, said }: Case, step: string): Promise<void> {
    expect(el._step, 'the step after the part arrived').to.equal(step);
    expect(part(el, 'code-input'), 'a code input').to.equal(null);
    expect(el._resendAt, 'a resend deadline').to.equal(0);
    expect(started, 'countdown starts after the flow ended').to.equal(0);
    expect(said.filter((message) => message.includes(s.nameOf('sms'))), 'announced the code as sent').to.deep.equal([]);
    expect(calls.slice(callsAtEnd), 'source calls after the flow ended').to.deep.equal([]);
    expect(await emulator.requests(s.user.id), 'requests to the emulator after the flow ended').to.deep.equal(logAtEnd);
  }

  it('a WebOTP wait, if any was started, was aborted with its flow', () => {
    expect(runningWebOtp, 'WebOTP waits running once the part had arrived').to.equal(0);
  });

  it('removed: the element stays where it was left', async () => {
    await expectNothingFromTheOldFlow(cases.removed, 'sending');
  });

  it('restarted: the picker of the new flow stays', async () => {
    await expectNothingFromTheOldFlow(cases.restarted, 'pick');
  });

  it("switched to another source: the new user's picker stays, and neither user gets a code from the old flow", async () => {
    await expectNothingFromTheOldFlow(cases.switched, 'pick');
    expect(await emulator.outbox({ userId: other.user.id }), "the new user's messages").to.have.length(0);
  });
});
