import { MfaCodeInput } from '../elements/mfa-code-input/mfa-code-input.js';

export { MfaCodeInput };
export { MfaCodeCompleteEvent, type MfaCodeCompleteDetail } from '../elements/mfa-code-input/mfa-code-input.events.js';

MfaCodeInput.define('mfa-code-input');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-code-input': MfaCodeInput;
  }
}
