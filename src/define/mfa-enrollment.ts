import { MfaEnrollment } from '../elements/mfa-enrollment/mfa-enrollment.js';
// The parts it renders (<mfa-otp-enroll> and <mfa-recovery-codes> come on demand, see
// otp-enroll-loader.ts and elements/shared/recovery-codes-loader.ts).
import './mfa-code-input.js';
import './mfa-qr-code.js';

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
