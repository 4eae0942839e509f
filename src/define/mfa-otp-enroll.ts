import { MfaOtpEnroll } from '../elements/mfa-otp-enroll/mfa-otp-enroll.js';
// The parts it renders (<mfa-recovery-codes> comes on demand, see
// elements/shared/recovery-codes-loader.ts).
import './mfa-code-input.js';
import './mfa-qr-code.js';

export { MfaOtpEnroll };
export type { OtpEnrollStep } from '../elements/mfa-otp-enroll/mfa-otp-enroll.js';

MfaOtpEnroll.define('mfa-otp-enroll');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-otp-enroll': MfaOtpEnroll;
  }
}
