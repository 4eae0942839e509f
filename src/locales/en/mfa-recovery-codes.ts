import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-recovery-codes>`, on screen, in the `.txt` file and on paper. */
const en = {
  'recovery.intro': {
    plural: 'count',
    one: 'Save this recovery code somewhere safe, such as a password manager. If you lose your phone, it lets you sign in. It is shown only this once.',
    other: 'Save these {count} recovery codes somewhere safe, such as a password manager. If you lose your phone, each one lets you sign in once. They are shown only this once.',
  },
  'recovery.listLabel': { plural: 'count', one: 'Recovery code', other: 'Recovery codes' },
  'recovery.copy': { plural: 'count', one: 'Copy code', other: 'Copy codes' },
  'recovery.copied': { plural: 'count', one: 'Recovery code copied.', other: 'Recovery codes copied.' },
  'recovery.selected': 'Selected. Copy with Ctrl+C (⌘C on a Mac).',
  'recovery.copyFailed': 'Copying is not available here. Download or print instead.',
  'recovery.download': 'Download .txt',
  'recovery.downloaded': 'Download started: {filename}.',
  'recovery.print': 'Print',
  'recovery.confirm': { plural: 'count', one: 'I have saved my recovery code', other: 'I have saved my recovery codes' },
  'recovery.continue': 'Continue',
  'recovery.fileTitle': { plural: 'count', one: 'Recovery code', other: 'Recovery codes' },
  'recovery.fileFor': 'For {name}',
  'recovery.fileCreated': 'Created {date}',
  'recovery.fileNote': 'Each code signs you in once, without your authenticator. Keep this private.',
  'recovery.filename': 'recovery-codes',
};

export type RecoveryStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const recoveryLocales: Locales<RecoveryStrings> = { en };
