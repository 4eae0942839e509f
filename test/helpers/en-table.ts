/** The English text of every element, by namespace: the reference every built-in table is checked against. */
import { commonStrings } from '../../src/elements/shared/strings.js';
import { codeInputLocales } from '../../src/elements/mfa-code-input/mfa-code-input.strings.js';
import { qrLocales } from '../../src/elements/mfa-qr-code/mfa-qr-code.strings.js';
import { recoveryLocales } from '../../src/elements/mfa-recovery-codes/mfa-recovery-codes.strings.js';
import { otpEnrollLocales } from '../../src/elements/mfa-otp-enroll/mfa-otp-enroll.strings.js';
import { verifyLocales } from '../../src/elements/mfa-verify/mfa-verify.strings.js';
import { enrollmentLocales } from '../../src/elements/mfa-enrollment/mfa-enrollment.strings.js';
import { contactEnrollLocales } from '../../src/elements/mfa-contact-enroll/mfa-contact-enroll.strings.js';
import { pushEnrollLocales } from '../../src/elements/mfa-push-enroll/mfa-push-enroll.strings.js';
import { passkeyEnrollLocales } from '../../src/elements/mfa-passkey-enroll/mfa-passkey-enroll.strings.js';
import type { Table } from '../../src/locales/tables/types.js';

export const en: Table = {
  common: commonStrings.en,
  'mfa-code-input': codeInputLocales.en,
  'mfa-qr-code': qrLocales.en,
  'mfa-recovery-codes': recoveryLocales.en,
  'mfa-otp-enroll': otpEnrollLocales.en,
  'mfa-verify': verifyLocales.en,
  // <mfa-enrollment>'s flows are translated in its namespace.
  'mfa-enrollment': { ...enrollmentLocales.en, ...contactEnrollLocales.en, ...pushEnrollLocales.en },
  'mfa-passkey-enroll': passkeyEnrollLocales.en,
};

/** The built-in languages besides English, as registered in src/locales/loaders.ts. */
export const LOCALES = ['de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'tr', 'ja', 'zh-CN', 'ar', 'he'] as const;
