import { onDemand } from '../../i18n/on-demand.js';

/**
 * `<mfa-push-enroll>` (with the push poll) on demand: fetched when the push row's Enroll is
 * pressed, while the enrollment request is on its way. The single-file bundles swap in
 * `push-enroll-loader.bundled.ts`, which has it inline.
 */
export const loadPushEnroll = onDemand(() => import('../../define/mfa-push-enroll.js'));
