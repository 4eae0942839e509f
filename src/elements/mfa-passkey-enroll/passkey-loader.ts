import { onDemand } from '../shared/on-demand.js';

/**
 * The passkey parts (`<mfa-passkey-enroll>`, `<mfa-passkey-item>`) on demand: only a page whose
 * user adds or lists passkeys fetches them. A failed fetch is tried again on the next need.
 * The single-file bundle swaps in `passkey-loader.bundled.ts`, which has them inline.
 */
export const loadPasskeyParts = onDemand(() => import('../../define/mfa-passkey-enroll.js'));
