// The single-file bundle defines every element anyway: a lazy import of one would only split it.
import '../../define/mfa-passkey-enroll.js';

export const loadPasskeyParts = (): Promise<unknown> => Promise.resolve();
