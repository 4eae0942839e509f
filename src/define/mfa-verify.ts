import { MfaVerify } from '../elements/mfa-verify/mfa-verify.js';
import './mfa-code-input.js';

export { MfaVerify };
export { MfaVerifiedEvent, MfaErrorEvent, type MfaVerifiedDetail } from '../elements/shared/events.js';

MfaVerify.define('mfa-verify');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-verify': MfaVerify;
  }
}
