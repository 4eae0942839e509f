// A bundle that has <mfa-push-enroll> anyway: a lazy import of it would only split it.
import '../../define/mfa-push-enroll.js';

export const loadPushEnroll = (): Promise<unknown> => Promise.resolve();
