import type { Locales, Vars } from '../shared/localize.js';

const one = (v: Vars): boolean => Number(v.count) === 1;

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

const de: Partial<RecoveryStrings> = {
  'recovery.intro': (v) =>
    one(v)
      ? 'Bewahren Sie diesen Wiederherstellungscode sicher auf, etwa in einem Passwortmanager. Wenn Sie Ihr Telefon verlieren, können Sie sich damit anmelden. Er wird nur dieses eine Mal angezeigt.'
      : `Bewahren Sie diese ${v.count} Wiederherstellungscodes sicher auf, etwa in einem Passwortmanager. Wenn Sie Ihr Telefon verlieren, können Sie sich mit jedem Code einmal anmelden. Sie werden nur dieses eine Mal angezeigt.`,
  'recovery.listLabel': (v) => (one(v) ? 'Wiederherstellungscode' : 'Wiederherstellungscodes'),
  'recovery.copy': (v) => (one(v) ? 'Code kopieren' : 'Codes kopieren'),
  'recovery.copied': (v) => (one(v) ? 'Wiederherstellungscode kopiert.' : 'Wiederherstellungscodes kopiert.'),
  'recovery.selected': 'Markiert. Kopieren mit Strg+C (⌘C auf dem Mac).',
  'recovery.copyFailed': 'Kopieren ist hier nicht möglich. Laden Sie die Codes herunter oder drucken Sie sie.',
  'recovery.download': '.txt herunterladen',
  'recovery.downloaded': (v) => `Download gestartet: ${v.filename}.`,
  'recovery.print': 'Drucken',
  'recovery.confirm': (v) =>
    one(v) ? 'Ich habe meinen Wiederherstellungscode gespeichert' : 'Ich habe meine Wiederherstellungscodes gespeichert',
  'recovery.continue': 'Weiter',
  'recovery.fileTitle': (v) => (one(v) ? 'Wiederherstellungscode' : 'Wiederherstellungscodes'),
  'recovery.fileFor': 'Für {name}',
  'recovery.fileCreated': 'Erstellt am {date}',
  'recovery.fileNote':
    'Jeder Code meldet Sie einmal ohne Ihren Authenticator an. Halten Sie ihn geheim.',
  'recovery.filename': 'wiederherstellungscodes',
};

const fr: Partial<RecoveryStrings> = {
  'recovery.intro': (v) =>
    one(v)
      ? 'Conservez ce code de récupération en lieu sûr, par exemple dans un gestionnaire de mots de passe. Si vous perdez votre téléphone, il vous permet de vous connecter. Il n’est affiché qu’une seule fois.'
      : `Conservez ces ${v.count} codes de récupération en lieu sûr, par exemple dans un gestionnaire de mots de passe. Si vous perdez votre téléphone, chacun vous permet de vous connecter une fois. Ils ne sont affichés qu’une seule fois.`,
  'recovery.listLabel': (v) => (one(v) ? 'Code de récupération' : 'Codes de récupération'),
  'recovery.copy': (v) => (one(v) ? 'Copier le code' : 'Copier les codes'),
  'recovery.copied': (v) => (one(v) ? 'Code de récupération copié.' : 'Codes de récupération copiés.'),
  'recovery.selected': 'Sélectionné. Copiez avec Ctrl+C (⌘C sur Mac).',
  'recovery.copyFailed': 'La copie n’est pas disponible ici. Téléchargez ou imprimez plutôt.',
  'recovery.download': 'Télécharger le .txt',
  'recovery.downloaded': (v) => `Téléchargement lancé : ${v.filename}.`,
  'recovery.print': 'Imprimer',
  'recovery.confirm': (v) =>
    one(v) ? 'J’ai enregistré mon code de récupération' : 'J’ai enregistré mes codes de récupération',
  'recovery.continue': 'Continuer',
  'recovery.fileTitle': (v) => (one(v) ? 'Code de récupération' : 'Codes de récupération'),
  'recovery.fileFor': 'Pour {name}',
  'recovery.fileCreated': 'Créé le {date}',
  'recovery.fileNote':
    'Chaque code vous connecte une fois sans votre authentificateur. Gardez-le privé.',
  'recovery.filename': 'codes-de-recuperation',
};

export const recoveryLocales: Locales<RecoveryStrings> = { en, de, fr };
