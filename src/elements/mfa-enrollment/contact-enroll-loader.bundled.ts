// A bundle that has <mfa-contact-enroll> anyway: a lazy import of it would only split it.
import '../../define/mfa-contact-enroll.js';

export const loadContactEnroll = (): Promise<unknown> => Promise.resolve();
