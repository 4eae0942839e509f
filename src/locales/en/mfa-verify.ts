import type { Locales, StringTable, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-verify>`; `en` is complete. */
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
  'verify.sms.sent': 'We sent a code by text message to {name}.',
  'verify.voice.sent': 'We are calling {name} to read you a code.',
  'verify.email.sent': 'We sent a code to {name}.',
  'verify.sent': 'We sent you a code.',
  'verify.sending': 'Sending a code…',
  'verify.codeLabel': 'Verification code',
  'verify.submit': 'Verify',
  'verify.verifying': 'Verifying…',
  'verify.incomplete': 'Enter all {length} digits of the code.',
  'verify.resend': 'Send again',
  'verify.resendIn': 'You can ask for a new code {seconds:in}.',
  'verify.resendReady': 'You can ask for a new code now.',
  'verify.resent': 'A new code is on its way.',
  'verify.push.prompt': 'We sent a notification to {name}. Approve it to continue.',
  'verify.push.promptNoName': 'We sent a notification to your phone. Approve it to continue.',
  'verify.push.waiting': 'Waiting for your approval…',
  'verify.push.expiresIn': 'The request expires in {seconds:clock}.',
  'verify.push.rejected': 'The request was denied on your phone.',
  'verify.code.expired': 'That code has expired. Send a new one.',
  'verify.push.expired': 'The request expired before it was approved.',
  'verify.push.cancelled': 'The request was cancelled.',
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

export type VerifyStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const verifyLocales: Locales<VerifyStrings> = { en };
