import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-passkey-enroll>`; `en` is complete. */
const en = {
  'passkey.title': 'Add a passkey',
  'passkey.intro': 'Sign in with your fingerprint, face, screen lock or a security key instead of a code.',
  'passkey.start': 'Create passkey',
  'passkey.starting': 'Preparing…',
  'passkey.ceremony': 'Follow your browser’s prompt to create the passkey.',
  'passkey.unsupported': 'This browser cannot create passkeys. Use a current browser, or add another method.',
  'passkey.cancelled': 'Passkey creation was cancelled. Nothing was saved.',
  'passkey.timeout': 'The browser prompt timed out. Nothing was saved.',
  'passkey.alreadyRegistered': 'This device or security key already holds a passkey for your account. Use another one.',
  'passkey.notAllowed': 'The passkey was not created: the prompt was closed or the check did not pass.',
  'passkey.failed': 'The passkey could not be created on this device.',
  'passkey.insecureAddress': 'This page’s address cannot be used for passkeys: they need a secure site address (https or localhost).',
  'passkey.nameTitle': 'Name your passkey',
  'passkey.nameLabel': 'Passkey name',
  'passkey.nameHint': 'So you can tell it apart later, e.g. the device it is on.',
  'passkey.save': 'Save passkey',
  'passkey.saving': 'Saving…',
  'passkey.deviceName': '{browser} on {os}',
  'passkey.doneTitle': 'Passkey added',
  'passkey.doneText': 'From now on you can sign in with this passkey.',
  'passkey.kindPasskey': 'Passkey',
  'passkey.kindKey': 'Security key',
  'passkey.created': 'Added {date}',
  'passkey.lastUsed': 'Last used {date}',
  'passkey.neverUsed': 'Not used yet',
  'passkey.synced': 'Synced across your devices',
  'passkey.deviceBound': 'On one device only',
  'passkey.rename': 'Rename',
  'passkey.renameLabel': 'New name for {name}',
  'passkey.saveName': 'Save name',
  'passkey.nameEmpty': 'Enter a name.',
  'passkey.renamed': 'Renamed to {name}.',
  'passkey.remove': 'Remove',
  'passkey.removeQuestion': 'Remove {name}?',
  'passkey.removeLoses': 'You will no longer be able to sign in with it.',
  'passkey.removeConfirm': 'Remove',
  'passkey.keep': 'Keep it',
  'passkey.removed': '{name} was removed.',
};

export type PasskeyEnrollStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const passkeyEnrollLocales: Locales<PasskeyEnrollStrings> = { en };
