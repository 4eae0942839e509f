/** Input formats checked at more than one door (the MFA API and the control routes). */
export const E164 = /^\+[1-9]\d{6,14}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const BASE32 = /^[A-Z2-7]+=*$/;
