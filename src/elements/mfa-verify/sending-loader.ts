import { onDemand } from '../../i18n/on-demand.js';

/**
 * `<mfa-verify>`'s code-sending part (./sending.ts: what follows an SMS, voice, email or push
 * challenge, with its text) on demand, fetched beside the challenge request: a page that verifies
 * with an app or a recovery code never fetches it, and sending waits for no extra round trip. A
 * failed fetch fails like the request (with "Retry") and is fetched again on the next try. The
 * single-file bundle swaps in `sending-loader.bundled.ts`, which has it inline.
 */
export const loadSending = onDemand(() => import('./sending.js'));
