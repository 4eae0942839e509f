import { flowStrings } from './flow.js';
import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-enrollment>`; `en` is complete. `{name}` placeholders take the values passed. */
const en = {
  ...flowStrings,
  heading: 'Multi-factor authentication',
  intro: 'Add a second step to your sign-in. You can use more than one method.',
  loadingList: 'Loading your sign-in methods…',
  loaded: { plural: 'total', one: '{enrolled} of {total} method set up.', other: '{enrolled} of {total} methods set up.' },
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
  'factor.passkey.title': 'Passkey',
  'factor.passkey.description': 'Your fingerprint, face or screen lock.',
  'factor.webauthn-roaming.title': 'Security key',
  'factor.webauthn-roaming.description': 'A hardware security key.',
  'factor.webauthn-platform.title': 'Device biometrics',
  'factor.webauthn-platform.description': 'This device’s fingerprint, face or PIN.',
  'factor.duo.title': 'Duo Security',
  'factor.duo.description': 'Approve in Duo Mobile.',

  'name.otp': 'Authenticator app',
  'name.push': 'Guardian device',
  'name.recovery-code': 'Recovery code',
  'name.generic': 'Sign-in method',
  enrolled: 'Enrolled',
  enrolledList: 'Enrolled {factor} methods',
  notRemovable: 'Cannot be removed here.',
  recoveryAutomatic: 'Created with your first method.',
  enrollUnavailable: 'Enrollment is not available here.',
  locked: 'To add or remove a method, first verify with one you have.',
  'unsupported.remove': 'This server cannot remove methods.',
  namedMethod: '{factor} ({name})',
  addedOn: 'Added {date}',

  enroll: 'Enroll',
  enrollLabel: 'Enroll {factor}',
  enrolling: 'Starting…',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  removing: 'Removing…',

  'flow.title': 'Set up {factor}',
  'flow.cancelled': 'Setup cancelled.',
  'flow.done': '{factor} is set up.',

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
  'recovery.regenerate': 'Generate a new code',
  'recovery.regenerating': 'Generating…',
  'recovery.regenerateQuestion': 'Generate a new recovery code?',
  'recovery.regenerateLoses': 'Your current one will stop working.',
  'recovery.regenerated': 'Your new recovery code is shown once. Save it now.',
  'unsupported.regenerate': 'This server cannot make a new recovery code.',
  'recovery.titleMany': 'Save your recovery codes',
};

export type EnrollmentStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const enrollmentLocales: Locales<EnrollmentStrings> = { en };
