import { MfaPasskeyEnroll } from '../elements/mfa-passkey-enroll/mfa-passkey-enroll.js';

export { MfaPasskeyEnroll };
export type { PasskeyEnrollStep } from '../elements/mfa-passkey-enroll/mfa-passkey-enroll.js';

MfaPasskeyEnroll.define('mfa-passkey-enroll');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-passkey-enroll': MfaPasskeyEnroll;
  }
}
