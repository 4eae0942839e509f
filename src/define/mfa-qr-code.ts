import { MfaQrCode } from '../elements/mfa-qr-code/mfa-qr-code.js';

export { MfaQrCode };

MfaQrCode.define('mfa-qr-code');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-qr-code': MfaQrCode;
  }
}
