import type { CommonStrings } from '../en/common.js';
import type { CodeInputStrings } from '../en/mfa-code-input.js';
import type { QrStrings } from '../en/mfa-qr-code.js';
import type { RecoveryStrings } from '../en/mfa-recovery-codes.js';
import type { OtpEnrollStrings } from '../en/mfa-otp-enroll.js';
import type { VerifyStrings } from '../en/mfa-verify.js';
import type { PasskeyEnrollStrings } from '../en/mfa-passkey-enroll.js';
import type { EnrollmentStrings } from '../en/mfa-enrollment.js';
import type { ContactEnrollStrings } from '../en/mfa-contact-enroll.js';
import type { PushEnrollStrings } from '../en/mfa-push-enroll.js';

/**
 * A complete built-in translation, by element namespace: every key of every element, no other.
 * Types only, so a table compiles to plain data and shares no chunk with the elements.
 */
export type Table = {
  common: CommonStrings;
  'mfa-code-input': CodeInputStrings;
  'mfa-qr-code': QrStrings;
  'mfa-recovery-codes': RecoveryStrings;
  'mfa-otp-enroll': OtpEnrollStrings;
  'mfa-verify': VerifyStrings;
  /** With the flows it opens (`<mfa-contact-enroll>`, `<mfa-push-enroll>`): one namespace. */
  'mfa-enrollment': EnrollmentStrings & ContactEnrollStrings & PushEnrollStrings;
  'mfa-passkey-enroll': PasskeyEnrollStrings;
};
