import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-otp-enroll>`; `en` is complete. */
const en = {
  'otp.title': 'Add an authenticator app',
  'otp.starting': 'Creating your key…',
  'otp.scanTitle': 'Scan the QR code',
  'otp.scanText': 'Open your authenticator app, choose to add an account, and scan this code.',
  'otp.qrLabel': 'QR code that adds {name} to an authenticator app',
  'otp.openInApp': 'Open in authenticator app',
  'otp.openInAppHint': 'If the app is on this device.',
  'otp.cantScan': 'Can’t scan the code?',
  'otp.manualText': 'Add the account by hand: enter this setup key in your app.',
  'otp.secretLabel': 'Setup key',
  'otp.secretSpelled': 'Setup key, character by character: {spelled}',
  'otp.copyKey': 'Copy key',
  'otp.keyCopied': 'Setup key copied.',
  'otp.keySelected': 'Setup key selected. Copy it with Ctrl+C (⌘C on a Mac).',
  'otp.copyFailed': 'Copying is not available here. Type the key instead.',
  'otp.appShows': 'Your app will show:',
  'otp.issuer': 'Service',
  'otp.account': 'Account',
  'otp.type': 'Type',
  'otp.typeTotp': 'Time-based',
  'otp.algorithm': 'Algorithm',
  'otp.digits': 'Digits',
  'otp.period': 'Interval',
  'otp.periodValue': '{seconds:duration}',
  'otp.codeTitle': 'Enter the code',
  'otp.codeText': 'Enter the {digits}-digit code your app now shows for this account.',
  'otp.codeLabel': '{digits}-digit code from your app',
  'otp.verify': 'Verify',
  'otp.verifying': 'Checking the code…',
  'otp.wrongCode': 'That code is not correct. Enter the newest code your app shows.',
  'otp.incomplete': 'Enter all {digits} digits.',
  'otp.canRetry': 'You can try again now.',
  'otp.startOver': 'Start over',
  'otp.recoveryTitle': { plural: 'count', one: 'Save your recovery code', other: 'Save your recovery codes' },
  'otp.codeAccepted': { plural: 'count', one: 'Code accepted. Now save your recovery code.', other: 'Code accepted. Now save your recovery codes.' },
  'otp.doneTitle': 'Authenticator app added',
  'otp.doneText': 'From now on you can sign in with a code from your app.',
  'otp.unsupported': 'An authenticator app cannot be added here.',
  'otp.invalidUri': 'The server sent a key that is not an authenticator-app key, so it is not shown. Try again, or contact support if this keeps happening.',
};

export type OtpEnrollStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const otpEnrollLocales: Locales<OtpEnrollStrings> = { en };
