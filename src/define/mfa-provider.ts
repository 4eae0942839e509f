import { MfaProvider } from '../elements/mfa-provider/mfa-provider.js';

export { MfaProvider };
export { mfaSourceContext } from '../elements/shared/context.js';
export { MfaErrorEvent } from '../elements/shared/events.js';

MfaProvider.define('mfa-provider');

declare global {
  interface HTMLElementTagNameMap {
    'mfa-provider': MfaProvider;
  }
}
