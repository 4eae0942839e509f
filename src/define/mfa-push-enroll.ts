import { MfaPushEnroll } from '../elements/mfa-push-enroll/mfa-push-enroll.js';
// The part it renders.
import './mfa-qr-code.js';

export { MfaPushEnroll };

MfaPushEnroll.define('mfa-push-enroll');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-push-enroll': MfaPushEnroll;
  }
}
