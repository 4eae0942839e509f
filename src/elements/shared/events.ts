import type { MfaError } from '../../core/errors.js';
import type { Authenticator, FactorName, VerifyResult } from '../../core/types.js';

/**
 * Events meant for the page bubble and are composed, so they escape the shadow roots of the
 * elements that nest each other (`<mfa-otp-enroll>` inside `<mfa-enrollment>`).
 */
const PAGE_EVENT: EventInit = { bubbles: true, composed: true };

export interface MfaEnrollDetail {
  /** The new active authenticator, when the source could list it. */
  authenticator?: Authenticator;
  factor: FactorName;
  /** Only after the user's first enrollment. */
  recoveryCodes?: string[];
}

/** An authenticator was enrolled and confirmed (it is active). */
export class MfaEnrollEvent extends CustomEvent<MfaEnrollDetail> {
  constructor(detail: MfaEnrollDetail) {
    super('mfa-enroll', { ...PAGE_EVENT, detail });
  }
}

export interface MfaRemoveDetail {
  authenticatorId: string;
  factor: FactorName;
  /** Linked authenticators the server removed with it (push ⇄ totp, sms ⇄ voice). */
  linkedIds: string[];
}

/** An authenticator (and its linked twin) was removed. */
export class MfaRemoveEvent extends CustomEvent<MfaRemoveDetail> {
  constructor(detail: MfaRemoveDetail) {
    super('mfa-remove', { ...PAGE_EVENT, detail });
  }
}

export type VerifyMethod = 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code';

export interface MfaVerifiedDetail {
  authenticator?: Authenticator;
  method: VerifyMethod;
  /** Tokens only in direct mode; `recoveryCode` after a recovery code was used. */
  result: VerifyResult;
}

/** The second factor was verified. */
export class MfaVerifiedEvent extends CustomEvent<MfaVerifiedDetail> {
  constructor(detail: MfaVerifiedDetail) {
    super('mfa-verified', { ...PAGE_EVENT, detail });
  }
}

export type MfaAction = 'load' | 'enroll' | 'confirm' | 'remove' | 'challenge' | 'verify';

export interface MfaErrorDetail {
  error: MfaError;
  action: MfaAction;
}

/** An action failed in a way the page may want to handle (expired token, rate limit, …). */
export class MfaErrorEvent extends CustomEvent<MfaErrorDetail> {
  constructor(detail: MfaErrorDetail) {
    super('mfa-error', { ...PAGE_EVENT, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mfa-enroll': MfaEnrollEvent;
    'mfa-remove': MfaRemoveEvent;
    'mfa-verified': MfaVerifiedEvent;
    'mfa-error': MfaErrorEvent;
  }
}
