import { MfaEnrollment } from '../elements/mfa-enrollment/mfa-enrollment.js';
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
