import { flowStrings } from './flow.js';
import type { Locales, Template } from '../../i18n/localize.js';

/**
 * Built-in text of `<mfa-contact-enroll>`; `en` is complete. Its translations are in the
 * `mfa-enrollment` tables (src/locales/), the element it is part of.
 */
const en = {
  ...flowStrings,
  'phone.label': 'Phone number',
  'phone.country': 'Country or region',
  'phone.hint': 'The number as you dial it in your country, or in international format with + and the country code.',
  'phone.invalid': 'Not a phone number for the chosen country. Check the digits, or enter it in international format with + and the country code.',
  'phone.submit.sms': 'Send code',
  'phone.submit.voice': 'Call me',
  'email.label': 'Email address',
  'email.hint': 'We will send a code to this address.',
  'email.invalid': 'Enter an email address such as name@example.com.',
  'email.submit': 'Send code',
  sending: 'Sending…',

  'code.label': 'Verification code',
  'code.sent.sms': 'We sent a code by text message to {to}.',
  'code.sent.voice': 'We are calling {to} with a code.',
  'code.sent.email': 'We sent a code to {to}.',
  'code.incomplete': 'Enter all {length} digits of the code.',
  'code.submit': 'Verify',
  verifying: 'Verifying…',
  'code.resend': 'Send again',
  'code.resent': 'A new code is on its way.',
  'code.change.phone': 'Use a different number',
  'code.change.email': 'Use a different address',
};

export type ContactEnrollStrings = Record<keyof typeof en, Template>;

export const contactEnrollLocales: Locales<ContactEnrollStrings> = { en };
