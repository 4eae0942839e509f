import { FACTORS } from '../../core/factors.js';
import type { Authenticator, FactorName, MfaSource, OobEnrollment } from '../../core/types.js';

/**
 * The enrollment flow open under a row of `<mfa-enrollment>`, one type per step, and the moves
 * between them as pure functions. What happens inside a step is the part element's
 * (`<mfa-contact-enroll>`, `<mfa-otp-enroll>`, `<mfa-passkey-enroll>`, `<mfa-push-enroll>`) or
 * the hosted page's.
 */

export type EnrollFactor = Exclude<FactorName, 'recovery-code'>;

/** What every step has: which flow, its factor, its requests, and what was there before it. */
export interface FlowBase {
  id: number;
  factor: EnrollFactor;
  controller: AbortController;
  /** Authenticator ids before the flow started, to find the new one afterwards. */
  knownIds: ReadonlySet<string>;
}

/** Waiting for the first answer (push QR, ticket): the row's Enroll says so; nothing under the row yet. */
export interface StartingFlow extends FlowBase {
  step: 'starting';
}

/**
 * SMS, voice, email (`<mfa-contact-enroll>`) or OTP (`<mfa-otp-enroll>`): the part runs the whole
 * enrollment with `childSource`, whose ticket answers come back to the host.
 */
export interface ContactFlow extends FlowBase {
  step: 'contact';
  childSource: MfaSource;
}

export interface OtpFlow extends FlowBase {
  step: 'otp';
  childSource: MfaSource;
  /** The step `<mfa-otp-enroll>` shows (its recovery step cannot be cancelled). */
  childStep?: string;
}

export type ChildFlow = ContactFlow | OtpFlow;

/** Passkey: `<mfa-passkey-enroll>` runs the whole enrollment with the host's source. */
export interface PasskeyFlow extends FlowBase {
  step: 'passkey';
}

/** Push: `<mfa-push-enroll>` shows the QR code of `enrollment` and waits for the app. */
export interface PushFlow extends FlowBase {
  step: 'push';
  enrollment: OobEnrollment;
}

/** The hosted page: in a popup that is watched (`popup`), or, blocked, as a link (`blocked`). */
export interface TicketFlow extends FlowBase {
  step: 'popup' | 'blocked';
  ticketUrl: string;
}

export type Flow = StartingFlow | ContactFlow | OtpFlow | PasskeyFlow | PushFlow | TicketFlow;

const base = ({ id, factor, controller, knownIds }: FlowBase): FlowBase => ({ id, factor, controller, knownIds });

export const starting = (flow: FlowBase): StartingFlow => ({ ...base(flow), step: 'starting' });

export const passkey = (flow: FlowBase): PasskeyFlow => ({ ...base(flow), step: 'passkey' });

export const child = <S extends ChildFlow['step']>(flow: FlowBase, step: S, childSource: MfaSource): Extract<ChildFlow, { step: S }> =>
  ({ ...base(flow), step, childSource }) as Extract<ChildFlow, { step: S }>;

/** `<mfa-otp-enroll>` moved on to `childStep`. */
export const childMoved = (flow: Flow, childStep: string): Flow => (flow.step === 'otp' ? { ...flow, childStep } : flow);

/** The push enrollment was created: its QR code is shown. */
export const pushShown = (flow: FlowBase, enrollment: OobEnrollment): PushFlow => ({ ...base(flow), step: 'push', enrollment });

/** The server answered with a hosted page (from any step): watched in a popup, or a link when blocked. */
export const ticket = (flow: FlowBase, ticketUrl: string, blocked: boolean): TicketFlow => ({
  ...base(flow),
  step: blocked ? 'blocked' : 'popup',
  ticketUrl,
});

/** The user may leave the flow now: not while `<mfa-otp-enroll>` shows its recovery codes (once only). */
export const cancellable = (flow: Flow): boolean => !(flow.step === 'otp' && flow.childStep === 'recovery');

/** The hosted page's URL, when the flow went there (the list then has to be asked again). */
export const ticketUrlOf = (flow: Flow): string | undefined => ('ticketUrl' in flow ? flow.ticketUrl : undefined);

/** The authenticator the flow added: a new active one of its factor, else of its twin (push's TOTP). */
export function added(flow: FlowBase, authenticators: readonly Authenticator[] = []): Authenticator | undefined {
  const fresh = authenticators.filter((a) => a.active && !flow.knownIds.has(a.id));
  return fresh.find((a) => a.factor === flow.factor) ?? fresh.find((a) => a.factor === FACTORS[flow.factor].twin);
}
