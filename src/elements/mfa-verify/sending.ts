/**
 * `<mfa-verify>`'s code-sending part: what follows an SMS, voice, email or push challenge (the code
 * step's set-up, resend wait and WebOTP; the push step, its poll and how it ended) with its English
 * text. The element fetches it beside the challenge request (./sending-loader.ts), so a page that
 * verifies with an app or a recovery code never loads it, and sending waits for no extra round
 * trip. Functions of the element, not an element: the steps stay in its one shadow root, with
 * their parts, focus and announcements as before.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { pushOutcome, toMfaError, type MfaError } from '../../core/errors.js';
import { digitsOnly } from '../../core/input.js';
import { maskedName } from '../../core/mask.js';
import type { Authenticator, Challenge, MfaSource } from '../../core/types.js';
import type { Vars } from '../../i18n/localize.js';
import { sendingEn } from '../../locales/en/mfa-verify-sending.js';
import { verifyLocales, type VerifyStrings } from '../../locales/en/mfa-verify.js';
import type { MfaVerify } from './mfa-verify.js';
import { loadPoller } from './poller-loader.js';
import { row, waiting } from './templates.js';

// The part's text completes the element's English (see verifyLocales).
Object.assign(verifyLocales.en, sendingEn);

/**
 * What the part uses of `<mfa-verify>`: its internal members, and those of MfaElement it calls
 * (protected there, so the element hands itself over as this type).
 */
export type SendingHost = Pick<
  MfaVerify,
  | 'activeSource' | 'resendAfter' | '_step' | '_error' | '_current' | '_busy' | '_resendAt' | '_pushExpiresAt' | '_countdown'
  | '_poll' | '_webOtp' | '_codeLength' | '_codeInput' | '_focusField' | '_fail' | '_end' | '_succeed'
  | '_send' | '_verifyCode' | '_button' | '_renderSwitch'
> & {
  t(key: keyof VerifyStrings | 'cancel', vars?: Vars): string;
  sentences(...parts: (string | false | undefined)[]): string;
  announce(message: string): void;
  focusPart(selector: string): Promise<void>;
  reportError(error: unknown, action: 'verify'): unknown;
};

/**
 * `key` with the authenticator's name, or `fallback` when it has none. Codes are sent to the
 * listed factors only (mfa-verify.ts METHODS), and each has its `verify.{factor}.sent`.
 */
function named(host: SendingHost, authenticator: Authenticator | undefined, key: string, fallback: keyof VerifyStrings): string {
  const name = authenticator && maskedName(authenticator);
  return name ? host.t(key as 'verify.sent', { name }) : host.t(fallback);
}

/** Where the current code was sent (the code step's description). */
export const sentText = (host: SendingHost, a: Authenticator): string => named(host, a, `verify.${a.factor}.sent`, 'verify.sent');

const pushPrompt = (host: SendingHost): string => named(host, host._current, 'verify.push.prompt', 'verify.push.promptNoName');

/**
 * After an SMS, voice, email or push challenge: the code step (the resend wait, WebOTP) or the
 * push step and its poll.
 */
export async function sent(
  host: SendingHost,
  source: MfaSource,
  authenticator: Authenticator,
  challenge: Challenge,
  signal: AbortSignal,
  focus: boolean,
  again: boolean,
): Promise<void> {
  if (signal.aborted) return;
  if (authenticator.factor !== 'push') {
    host._error = undefined;
    host._step = 'code';
    const wait = Math.max(0, Number(host.resendAfter) || 0);
    if (wait) host._resendAt = host._countdown._deadline(wait);
    host.announce(host.sentences(again ? host.t('verify.resent') : sentText(host, authenticator), !!wait && host.t('verify.resendIn', { seconds: wait })));
    if (authenticator.factor === 'sms') listenWebOtp(host, signal);
    if (focus) void host._focusField();
    return;
  }
  // The poll's module, fetched now: the first poll waits an interval (at least a second) anyway;
  // a failed fetch fails the push step like a failed poll (with "Retry").
  const poller = loadPoller();
  host._step = 'push';
  host.announce(host.sentences(pushPrompt(host), host.t('verify.push.waiting')));
  if (focus) void host.focusPart('[part~="cancel-button"]');
  try {
    const Poll = await poller;
    const result = await (host._poll ??= new Poll(host as unknown as MfaVerify)).run(source, {
      oobCode: challenge.oobCode!,
      interval: challenge.interval,
      expiresIn: challenge.expiresIn,
      signal,
      onPending: (state) => {
        host._pushExpiresAt ||= host._countdown._deadline(state.remainingMs / 1000);
      },
    });
    if (!signal.aborted) host._succeed(result, authenticator);
  } catch (error) {
    if (signal.aborted) return;
    const mfaError = toMfaError(error);
    const outcome = pushOutcome(mfaError.code);
    host._pushExpiresAt = 0;
    if (outcome === 'expired') {
      // The push expired unanswered (locally or on the server): not a session problem to report.
      host._end('verify.push.expired');
    } else if (outcome === 'rejected') {
      host.reportError(mfaError, 'verify');
      host._end('verify.push.rejected');
    } else if (host._fail(mfaError, 'verify')) {
      host._end();
    }
  }
}

/** Fills the code from an SMS where the browser supports WebOTP; aborted on submit and with the flow (`flow`). */
function listenWebOtp(host: SendingHost, flow: AbortSignal): void {
  if (!('OTPCredential' in window)) return;
  const webOtp = (host._webOtp = new AbortController());
  const { signal } = webOtp;
  flow.addEventListener('abort', () => webOtp.abort());
  navigator.credentials.get({ otp: { transport: ['sms'] }, signal } as CredentialRequestOptions).then(
    (credential) => {
      const code = digitsOnly((credential as { code?: string } | null)?.code ?? '', host._codeLength);
      // Outside the code step there is no code input, and _verifyCode does nothing.
      const input = host._codeInput;
      if (signal.aborted || code.length !== host._codeLength || !input) return;
      input.value = code;
      void host._verifyCode(code);
    },
    () => {},
  );
}

/** Ends the resend wait once due (the element's countdown tick). */
export function resendTick(host: SendingHost, now: number): void {
  if (host._resendAt > now) return;
  host._resendAt = 0;
  if (host._step === 'code') host.announce(host.t('verify.resendReady'));
}

/** `expired_token` answers to a sent code (see codeExpired). */
const expiredCodes = new WeakSet<MfaError>();

/**
 * Whether a sent code's verification failed because the code ran out (`expired_token`), which is
 * not the session: then it is shown as such and "Send again" gets a new one at once (a session
 * that really expired fails there, with an `mfa-error`).
 */
export function codeExpired(host: SendingHost, error: MfaError): boolean {
  if (error.code !== 'expired_token') return false;
  expiredCodes.add(error);
  host._error = error;
  host.announce(host.t('verify.code.expired'));
  host._resendAt = 0;
  return true;
}

/** The text of a sent code's own error (see codeExpired), or undefined for any other. */
export const expiredText = (host: SendingHost, error: MfaError): string | undefined =>
  expiredCodes.has(error) ? host.t('verify.code.expired') : undefined;

/** The push step: the prompt, the wait with its expiry, Cancel. */
export function renderPush(host: SendingHost): TemplateResult {
  const left = host._countdown._left(host._pushExpiresAt);
  return html`<p part="description">${pushPrompt(host)}</p>
    ${waiting(host.t('verify.push.waiting'))}
    ${host._pushExpiresAt ? html`<p part="countdown">${host.t('verify.push.expiresIn', { seconds: left })}</p>` : nothing}
    ${row(host._button('cancel-button', host.t('cancel'), () => host._end('verify.push.cancelled'), 'secondary'))}${host._renderSwitch()}`;
}

/** "Send again" under a sent code (only enabled when nothing is under way and the wait is over). */
export function renderResend(host: SendingHost): TemplateResult {
  const resendIn = host._countdown._left(host._resendAt);
  return row(
    host._button('resend-button', host.t('verify.resend'), () => void host._send(host._current!, true, true), 'secondary', host._busy || resendIn > 0),
    resendIn > 0 ? html`<span part="countdown">${host.t('verify.resendIn', { seconds: resendIn })}</span>` : nothing,
  );
}
