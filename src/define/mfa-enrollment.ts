import { MfaEnrollment } from '../elements/mfa-enrollment/mfa-enrollment.js';
// The parts it renders (<mfa-otp-enroll> comes on demand, see otp-enroll-loader.ts).
import './mfa-code-input.js';
import './mfa-qr-code.js';
import './mfa-recovery-codes.js';

export { MfaEnrollment };
export {
  MfaEnrollEvent,
  MfaRemoveEvent,
  MfaErrorEvent,
  type MfaEnrollDetail,
  type MfaRemoveDetail,
  type MfaErrorDetail,
} from '../elements/shared/events.js';

MfaEnrollment.define('mfa-enrollment');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-enrollment': MfaEnrollment;
  }
}
