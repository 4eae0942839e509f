import { ContextRoot, createContext } from '@lit/context';
import type { MfaSource } from '../../core/types.js';

/**
 * The one data source every element under an `<mfa-provider>` uses. A global symbol, so that two
 * copies of this library on one page (micro-frontends, a CDN bundle beside an npm build) still
 * find each other's provider.
 */
export const mfaSourceContext = createContext<MfaSource | undefined>(Symbol.for('mfa-elements:source'));

let contextRoot: ContextRoot | undefined;

/**
 * Attaches one `ContextRoot` to the document, the first time an element or provider connects
 * (never at module scope): it keeps the requests of consumers that connected before their
 * `<mfa-provider>` was defined or inserted, and replays them when that provider appears.
 */
export function ensureContextRoot(): void {
  if (contextRoot || typeof document === 'undefined') return;
  contextRoot = new ContextRoot();
  contextRoot.attach(document as unknown as HTMLElement);
}
