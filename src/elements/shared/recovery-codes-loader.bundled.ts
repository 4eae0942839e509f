// The single-file bundle defines every element anyway: a lazy import of one would only split it.
import '../../define/mfa-recovery-codes.js';

export const loadRecoveryCodes = (): Promise<unknown> => Promise.resolve();
