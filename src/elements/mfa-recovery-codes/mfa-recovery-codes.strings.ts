import { one, type Locales, type Vars } from '../shared/localize.js';

/** Built-in text of `<mfa-recovery-codes>`, on screen, in the `.txt` file and on paper. */
const en = {
  'recovery.intro': (v: Vars): string =>
    one(v)
      ? 'Save this recovery code somewhere safe, such as a password manager. If you lose your phone, it lets you sign in. It is shown only this once.'
      : `Save these ${v.count} recovery codes somewhere safe, such as a password manager. If you lose your phone, each one lets you sign in once. They are shown only this once.`,
  'recovery.listLabel': (v: Vars): string => (one(v) ? 'Recovery code' : 'Recovery codes'),
  'recovery.copy': (v: Vars): string => (one(v) ? 'Copy code' : 'Copy codes'),
  'recovery.copied': (v: Vars): string => (one(v) ? 'Recovery code copied.' : 'Recovery codes copied.'),
  'recovery.selected': 'Selected. Copy with Ctrl+C (⌘C on a Mac).',
  'recovery.copyFailed': 'Copying is not available here. Download or print instead.',
  'recovery.download': 'Download .txt',
  'recovery.downloaded': (v: Vars): string => `Download started: ${v.filename}.`,
  'recovery.print': 'Print',
  'recovery.confirm': (v: Vars): string => (one(v) ? 'I have saved my recovery code' : 'I have saved my recovery codes'),
  'recovery.continue': 'Continue',
  'recovery.fileTitle': (v: Vars): string => (one(v) ? 'Recovery code' : 'Recovery codes'),
  'recovery.fileFor': 'For {name}',
  'recovery.fileCreated': 'Created {date}',
  'recovery.fileNote': 'Each code signs you in once, without your authenticator. Keep this private.',
  'recovery.filename': 'recovery-codes',
};

export type RecoveryStrings = typeof en;

/** English is built in; `de` and `fr` are in src/locales/, loaded when a page uses them. */
export const recoveryLocales: Locales<RecoveryStrings> = { en };
