import type { CommonStrings } from '../../elements/shared/strings.js';
import type { CodeInputStrings } from '../../elements/mfa-code-input/mfa-code-input.strings.js';
import type { QrStrings } from '../../elements/mfa-qr-code/mfa-qr-code.strings.js';
import type { RecoveryStrings } from '../../elements/mfa-recovery-codes/mfa-recovery-codes.strings.js';
import type { OtpEnrollStrings } from '../../elements/mfa-otp-enroll/mfa-otp-enroll.strings.js';
import type { VerifyStrings } from '../../elements/mfa-verify/mfa-verify.strings.js';
import type { PasskeyEnrollStrings } from '../../elements/mfa-passkey-enroll/mfa-passkey-enroll.strings.js';
import type { EnrollmentStrings } from '../../elements/mfa-enrollment/mfa-enrollment.strings.js';
import type { ContactEnrollStrings } from '../../elements/mfa-contact-enroll/mfa-contact-enroll.strings.js';
import type { PushEnrollStrings } from '../../elements/mfa-push-enroll/mfa-push-enroll.strings.js';

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
