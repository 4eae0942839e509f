import { MfaContactEnroll } from '../elements/mfa-contact-enroll/mfa-contact-enroll.js';
// The part it renders.
import './mfa-code-input.js';

export { MfaContactEnroll };

MfaContactEnroll.define('mfa-contact-enroll');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-contact-enroll': MfaContactEnroll;
  }
}
