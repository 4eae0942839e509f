import type { StringTable } from '../../i18n/localize.js';

/**
 * The English text of `<mfa-verify>`'s code-sending part (src/elements/mfa-verify/sending.ts):
 * where a code was sent, the resend wait, the push step and how a push ended. The part adds it to
 * `verifyLocales.en` when it is fetched; translations have it in the `mfa-verify` namespace.
 */
export const sendingEn = {
  'verify.sms.sent': 'We sent a code by text message to {name}.',
  'verify.voice.sent': 'We are calling {name} to read you a code.',
  'verify.email.sent': 'We sent a code to {name}.',
  'verify.sent': 'We sent you a code.',
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
} satisfies StringTable;
