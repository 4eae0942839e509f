import { onDemand } from '../../i18n/on-demand.js';

/**
 * `<mfa-contact-enroll>` on demand: only a phone or email flow renders it, so the enrollment page
 * fetches it when such a row's Enroll is pressed (a failed fetch is fetched again the next time).
 * The single-file bundles swap in `contact-enroll-loader.bundled.ts`, which has it inline.
 */
export const loadContactEnroll = onDemand(() => import('../../define/mfa-contact-enroll.js'));
