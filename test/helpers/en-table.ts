/** The English text of every element, by namespace: the reference every built-in table is checked against. */
import { commonStrings } from '../../src/locales/en/common.js';
import { codeInputLocales } from '../../src/locales/en/mfa-code-input.js';
import { qrLocales } from '../../src/locales/en/mfa-qr-code.js';
import { recoveryLocales } from '../../src/locales/en/mfa-recovery-codes.js';
import { otpEnrollLocales } from '../../src/locales/en/mfa-otp-enroll.js';
import { verifyLocales } from '../../src/locales/en/mfa-verify.js';
import { sendingEn } from '../../src/locales/en/mfa-verify-sending.js';
import { enrollmentLocales } from '../../src/locales/en/mfa-enrollment.js';
import { contactEnrollLocales } from '../../src/locales/en/mfa-contact-enroll.js';
import { pushEnrollLocales } from '../../src/locales/en/mfa-push-enroll.js';
import { passkeyEnrollLocales } from '../../src/locales/en/mfa-passkey-enroll.js';
import type { Table } from '../../src/locales/tables/types.js';

export const en: Table = {
  common: commonStrings.en,
  'mfa-code-input': codeInputLocales.en,
  'mfa-qr-code': qrLocales.en,
  'mfa-recovery-codes': recoveryLocales.en,
  'mfa-otp-enroll': otpEnrollLocales.en,
  // <mfa-verify>'s code-sending part brings its own English (added to the element's when fetched).
  'mfa-verify': { ...verifyLocales.en, ...sendingEn },
  // <mfa-enrollment>'s flows are translated in its namespace.
  'mfa-enrollment': { ...enrollmentLocales.en, ...contactEnrollLocales.en, ...pushEnrollLocales.en },
  'mfa-passkey-enroll': passkeyEnrollLocales.en,
};

/** The built-in languages besides English, as registered in src/locales/loaders.ts. */
export const LOCALES = ['de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'tr', 'ja', 'zh-CN', 'ar', 'he'] as const;
