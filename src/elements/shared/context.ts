import { createContext } from '@lit/context';
import type { MfaSource } from '../../core/types.js';

/**
 * The one data source every element under an `<mfa-provider>` uses. A global symbol, so that two
 * copies of this library on one page (micro-frontends, a CDN bundle beside an npm build) still
 * find each other's provider.
 */
export const mfaSourceContext = createContext<MfaSource | undefined>(Symbol.for('mfa-elements:source'));
