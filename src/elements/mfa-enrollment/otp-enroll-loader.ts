import { onDemand } from '../../i18n/on-demand.js';

/**
 * `<mfa-otp-enroll>` on demand: only the authenticator-app flow renders it, so the enrollment page
 * fetches it when that flow opens (a failed fetch is fetched again the next time). The single-file
 * bundles swap in `otp-enroll-loader.bundled.ts`, which has it inline.
 */
export const loadOtpEnroll = onDemand(() => import('../../define/mfa-otp-enroll.js'));
