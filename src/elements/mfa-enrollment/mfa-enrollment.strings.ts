import type { Locales, Template, Vars } from '../shared/localize.js';

/** Built-in text of `<mfa-enrollment>`; `en` is complete. `{name}` placeholders take the values passed. */
const en = {
  heading: 'Multi-factor authentication',
  intro: 'Add a second step to your sign-in. You can use more than one method.',
  loadingList: 'Loading your sign-in methods…',
  loaded: (v: Vars) => `${v.enrolled} of ${v.total} method${Number(v.total) === 1 ? '' : 's'} set up.`,
  loadFailed: 'Your sign-in methods could not be loaded.',
  refreshFailed: 'The list could not be refreshed; it may be out of date.',
  empty: 'No sign-in methods are available here.',

  'factor.otp.title': 'Authenticator app',
  'factor.otp.description': 'Use a one-time code from an app such as Google Authenticator, Microsoft Authenticator or 1Password.',
  'factor.sms.title': 'Text message',
  'factor.sms.description': 'Get a code by text message on your phone.',
  'factor.voice.title': 'Voice call',
  'factor.voice.description': 'Get a phone call that reads out a code.',
  'factor.email.title': 'Email',
  'factor.email.description': 'Get a code by email.',
  'factor.push.title': 'Push notification (Auth0 Guardian)',
  'factor.push.description': 'Approve sign-ins with a tap in the Auth0 Guardian app.',
  'factor.recovery-code.title': 'Recovery code',
  'factor.recovery-code.description': 'A one-time code that lets you in when your other methods are not at hand. You get it with your first method.',

  'name.otp': 'Authenticator app',
  'name.push': 'Guardian device',
  'name.recovery-code': 'Recovery code',
  'name.generic': 'Sign-in method',
  enrolled: 'Enrolled',
  enrolledList: 'Enrolled {factor} methods',
  notRemovable: 'Cannot be removed here.',
  recoveryAutomatic: 'Created with your first method.',
  enrollUnavailable: 'Enrollment is not available here.',
  locked: 'To add or remove a method, first verify with one you already have.',
  'unsupported.enroll': 'This site’s server does not offer adding methods here.',
  'unsupported.remove': 'This site’s server does not offer removing methods here.',
  'limited.requests': 'Too many requests.',
  'limited.attempts': 'Too many failed attempts.',
  namedMethod: '{factor} ({name})',

  enroll: 'Enroll',
  enrollLabel: 'Enroll {factor}',
  enrolling: 'Starting…',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  removing: 'Removing…',

  'flow.title': 'Set up {factor}',
  'flow.cancel': 'Cancel',
  'flow.cancelled': 'Setup cancelled.',
  'flow.done': '{factor} is set up.',

  'phone.label': 'Phone number',
  'phone.hint': 'In international format: + and the country code, for example +14155550123.',
  'phone.invalid': 'Enter the number in international format: a + followed by the country code and the number, for example +14155550123.',
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


  'push.scan': 'Scan the QR code with the Auth0 Guardian app. This page continues when you confirm in the app.',
  'push.qrLabel': 'QR code for the Auth0 Guardian app',
  'push.openApp': 'Open in Guardian on this device',
  'push.waiting': 'Waiting for you to confirm in the app…',
  'push.rejected': 'The enrollment was declined in the app.',
  'push.expired': 'The QR code has expired.',
  'push.restart': 'Start again',

  'ticket.opened': 'Finish in the window that opened. This list updates when you close it.',
  'ticket.blocked': 'Your browser blocked the enrollment window.',
  'ticket.link': 'Open the enrollment page',
  'ticket.done': 'I have finished',
  'ticket.notCompleted': 'The enrollment window was closed before the setup was finished.',

  'confirm.title': 'Remove {name}?',
  'confirm.body': 'You will no longer be able to use it to sign in.',
  'confirm.linked.sms': 'Removing your phone also removes voice calls to it.',
  'confirm.linked.voice': 'Removing voice calls also removes text messages to this phone.',
  'confirm.linked.push': 'Removing Guardian push also removes the one-time codes the Guardian app shows for this account.',
  'confirm.linked.otp': 'Removing these codes also removes Guardian push notifications on the same device.',
  'confirm.last': 'It is your last method: your sign-in will not ask for a second step until you set one up again.',
  'confirm.yes': 'Remove',
  removed: '{name} was removed.',

  'recovery.title': 'Save your recovery code',
  'recovery.titleMany': 'Save your recovery codes',
};

export type EnrollmentStrings = Record<keyof typeof en, Template>;

/** English is built in; `de` and `fr` are in src/locales/, loaded when a page uses them. */
export const enrollmentLocales: Locales<EnrollmentStrings> = { en };
