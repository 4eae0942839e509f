import { MfaRecoveryCodes } from '../elements/mfa-recovery-codes/mfa-recovery-codes.js';

export { MfaRecoveryCodes };
export { MfaRecoveryCodesSavedEvent } from '../elements/mfa-recovery-codes/mfa-recovery-codes.events.js';

MfaRecoveryCodes.define('mfa-recovery-codes');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-recovery-codes': MfaRecoveryCodes;
  }
}
