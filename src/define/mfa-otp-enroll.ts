import { MfaOtpEnroll } from '../elements/mfa-otp-enroll/mfa-otp-enroll.js';
// The parts it renders.
import './mfa-code-input.js';
import './mfa-qr-code.js';
import './mfa-recovery-codes.js';

export { MfaOtpEnroll };
export type { OtpEnrollStep } from '../elements/mfa-otp-enroll/mfa-otp-enroll.js';

MfaOtpEnroll.define('mfa-otp-enroll');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-otp-enroll': MfaOtpEnroll;
  }
}
