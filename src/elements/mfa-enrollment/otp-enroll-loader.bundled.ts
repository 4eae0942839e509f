// A bundle that has <mfa-otp-enroll> anyway: a lazy import of it would only split it.
import '../../define/mfa-otp-enroll.js';

export const loadOtpEnroll = (): Promise<unknown> => Promise.resolve();
