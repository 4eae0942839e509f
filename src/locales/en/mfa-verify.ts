import type { Locales, StringTable, Template } from '../../i18n/localize.js';
import type { sendingEn } from './mfa-verify-sending.js';

/**
 * Built-in text of `<mfa-verify>`. Its code-sending part brings the rest (./mfa-verify-sending.ts)
 * and adds it to `verifyLocales.en` when fetched; with it, `en` is complete.
 */
const en = {
  'verify.title': 'Verify it’s you',
  'verify.pick': 'Choose how you want to confirm your identity.',
  'verify.factor.otp': 'Authenticator app',
  'verify.factor.sms': 'Text message',
  'verify.factor.voice': 'Voice call',
  'verify.factor.email': 'Email',
  'verify.factor.push': 'Push notification',
  'verify.useRecovery': 'Use a recovery code',
  'verify.useAnother': 'Use another method',
  'verify.otp.prompt': 'Enter the code shown in your authenticator app.',
  'verify.sending': 'Sending a code…',
  'verify.codeLabel': 'Verification code',
  'verify.submit': 'Verify',
  'verify.verifying': 'Verifying…',
  'verify.incomplete': 'Enter all {length} digits of the code.',
  'verify.push.retry': 'Send a new request',
  'verify.recovery.prompt': 'Enter one of your recovery codes. Spaces, dashes and case do not matter.',
  'verify.recovery.label': 'Recovery code',
  'verify.recovery.invalid': 'A recovery code has 24 letters and digits.',
  'verify.recovery.newTitle': 'Your new recovery code',
  'verify.recovery.newDescription': 'The recovery code you used no longer works. Here is your new one.',
  'verify.locked': 'Too many attempts. Try again {seconds:in}.',
  'verify.unlocked': 'You can try again now.',
  'verify.verified': 'Verified.',
  'verify.field.valueMissing': 'Enter the verification code.',
} satisfies StringTable;

export type VerifyStrings = Record<keyof typeof en | keyof typeof sendingEn, Template>;

/**
 * English is built in; the other languages are tables in src/locales/, loaded when a page uses them.
 * Typed complete: the part's text is looked up only in the steps the part itself opens.
 */
export const verifyLocales = { en } as Locales<VerifyStrings>;
