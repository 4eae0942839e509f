import { MfaPasskeyEnroll } from '../elements/mfa-passkey-enroll/mfa-passkey-enroll.js';
import { MfaPasskeyItem } from '../elements/mfa-passkey-enroll/mfa-passkey-item.js';

// The passkey parts travel together: a page that lists passkeys is one that may add one.
export { MfaPasskeyEnroll, MfaPasskeyItem };
export type { PasskeyEnrollStep } from '../elements/mfa-passkey-enroll/mfa-passkey-enroll.js';

MfaPasskeyEnroll.define('mfa-passkey-enroll');
MfaPasskeyItem.define('mfa-passkey-item');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-passkey-enroll': MfaPasskeyEnroll;
    'mfa-passkey-item': MfaPasskeyItem;
  }
}
