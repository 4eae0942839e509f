import { onDemand } from '../../i18n/on-demand.js';

/**
 * The passkey parts (`<mfa-passkey-enroll>`, `<mfa-passkey-item>`) on demand: only a page whose
 * user adds or lists passkeys fetches them. A failed fetch is tried again on the next need.
 * Named so that the bundler's `*-loader` swap (which inlines a part) leaves it alone: in every
 * CDN file, the single-file bundles included, the passkey parts stay a chunk of their own.
 */
export const loadPasskeyParts = onDemand(() => import('../../define/mfa-passkey-enroll.js'));
