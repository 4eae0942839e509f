import type { Translation } from '../../elements/shared/localize.js';
import { one, plural, seconds } from './plural.js';
import type { CommonStrings } from '../../elements/shared/strings.js';
import type { CodeInputStrings } from '../../elements/mfa-code-input/mfa-code-input.strings.js';
import type { QrStrings } from '../../elements/mfa-qr-code/mfa-qr-code.strings.js';
import type { RecoveryStrings } from '../../elements/mfa-recovery-codes/mfa-recovery-codes.strings.js';
import type { OtpEnrollStrings } from '../../elements/mfa-otp-enroll/mfa-otp-enroll.strings.js';
import type { VerifyStrings } from '../../elements/mfa-verify/mfa-verify.strings.js';
import type { EnrollmentStrings } from '../../elements/mfa-enrollment/mfa-enrollment.strings.js';

const common: Partial<CommonStrings> = {
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  back: 'Zurück',
  close: 'Schließen',
  continue: 'Weiter',
  copy: 'Kopieren',
  copied: 'Kopiert',
  loading: 'Wird geladen …',
  noSource:
    'Keine Datenquelle: Platzieren Sie dieses Element in <mfa-provider> oder setzen Sie seine Eigenschaft source.',
  waitSeconds: (v) =>
    Number(v.seconds) === 1 ? 'Erneut versuchen in 1 Sekunde.' : `Erneut versuchen in ${v.seconds} Sekunden.`,
  attemptsLeft: (v) => (Number(v.count) === 1 ? 'Noch 1 Versuch.' : `Noch ${v.count} Versuche.`),
  'error.network_error': 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.timeout': 'Der Server hat zu lange gebraucht. Versuchen Sie es erneut.',
  'error.bad_response': 'Die Antwort des Servers war unlesbar. Versuchen Sie es später erneut.',
  'error.server_unavailable': 'Der Dienst ist gerade nicht verfügbar. Versuchen Sie es später erneut.',
  'error.server_error': 'Der Dienst ist gerade nicht verfügbar. Versuchen Sie es später erneut.',
  'error.rate_limited': 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
  'error.too_many_requests': 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
  'error.too_many_attempts': 'Zu viele Fehlversuche. Warten Sie, bevor Sie es erneut versuchen.',
  'error.invalid_grant': 'Der Code ist falsch oder abgelaufen.',
  'error.expired_token': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  'error.invalid_token': 'Ihre Sitzung ist ungültig. Melden Sie sich erneut an.',
  'error.already_enrolled':
    'Sie haben bereits einen Authenticator. Bestätigen Sie sich zuerst damit, dann fügen Sie einen weiteren hinzu.',
  'error.invalid_input': 'Prüfen Sie Ihre Eingabe.',
  'error.popup_blocked': 'Ihr Browser hat das Fenster blockiert. Öffnen Sie es über den Link.',
  'error.generic': 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
};

const mfaCodeInput: Partial<CodeInputStrings> = {
  'codeInput.label': (v) => `${v.length}-stelliger Code`,
};

const mfaQrCode: Partial<QrStrings> = {
  'qr.label': 'QR-Code',
  'qr.loading': 'QR-Code wird erstellt …',
  'qr.invalid': 'Dieser QR-Code kann nicht angezeigt werden: Die Adresse ist kein Authenticator-Schlüssel.',
  'qr.failed': 'Der QR-Code konnte nicht erstellt werden.',
};

const mfaRecoveryCodes: Partial<RecoveryStrings> = {
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

const mfaOtpEnroll: Partial<OtpEnrollStrings> = {
  'otp.title': 'Authenticator-App hinzufügen',
  'otp.starting': 'Ihr Schlüssel wird erstellt …',
  'otp.scanTitle': 'QR-Code scannen',
  'otp.scanText': 'Öffnen Sie Ihre Authenticator-App, wählen Sie „Konto hinzufügen“ und scannen Sie diesen Code.',
  'otp.qrLabel': 'QR-Code, der {name} zu einer Authenticator-App hinzufügt',
  'otp.openInApp': 'In der Authenticator-App öffnen',
  'otp.openInAppHint': 'Wenn die App auf diesem Gerät ist.',
  'otp.cantScan': 'Code lässt sich nicht scannen?',
  'otp.manualText': 'Fügen Sie das Konto von Hand hinzu: Geben Sie diesen Einrichtungsschlüssel in Ihrer App ein.',
  'otp.secretLabel': 'Einrichtungsschlüssel',
  'otp.secretSpelled': 'Einrichtungsschlüssel, Zeichen für Zeichen: {spelled}',
  'otp.copyKey': 'Schlüssel kopieren',
  'otp.keyCopied': 'Einrichtungsschlüssel kopiert.',
  'otp.keySelected': 'Einrichtungsschlüssel markiert. Kopieren mit Strg+C (⌘C auf dem Mac).',
  'otp.copyFailed': 'Kopieren ist hier nicht möglich. Tippen Sie den Schlüssel ab.',
  'otp.appShows': 'Ihre App zeigt an',
  'otp.issuer': 'Dienst',
  'otp.account': 'Konto',
  'otp.type': 'Art',
  'otp.typeTotp': 'Zeitbasiert',
  'otp.algorithm': 'Algorithmus',
  'otp.digits': 'Stellen',
  'otp.period': 'Intervall',
  'otp.periodValue': (v) => (Number(v.seconds) === 1 ? '1 Sekunde' : `${v.seconds} Sekunden`),
  'otp.codeTitle': 'Code eingeben',
  'otp.codeText': 'Geben Sie den {digits}-stelligen Code ein, den Ihre App jetzt für dieses Konto anzeigt.',
  'otp.codeLabel': '{digits}-stelliger Code aus Ihrer App',
  'otp.verify': 'Bestätigen',
  'otp.verifying': 'Code wird geprüft …',
  'otp.wrongCode': 'Der Code ist falsch. Geben Sie den neuesten Code aus Ihrer App ein.',
  'otp.incomplete': 'Geben Sie alle {digits} Ziffern ein.',
  'otp.canRetry': 'Sie können es jetzt erneut versuchen.',
  'otp.startOver': 'Neu beginnen',
  'otp.recoveryTitle': (v) => (one(v) ? 'Wiederherstellungscode speichern' : 'Wiederherstellungscodes speichern'),
  'otp.codeAccepted': (v) =>
    one(v)
      ? 'Code bestätigt. Speichern Sie jetzt Ihren Wiederherstellungscode.'
      : 'Code bestätigt. Speichern Sie jetzt Ihre Wiederherstellungscodes.',
  'otp.doneTitle': 'Authenticator-App hinzugefügt',
  'otp.doneText': 'Ab jetzt können Sie sich mit einem Code aus Ihrer App anmelden.',
  'otp.unsupported': 'Eine Authenticator-App kann hier nicht hinzugefügt werden.',
  'otp.invalidUri':
    'Der Server hat einen Schlüssel gesendet, der kein Authenticator-App-Schlüssel ist. Er wird daher nicht angezeigt. Versuchen Sie es erneut oder wenden Sie sich an den Support, wenn das wieder passiert.',
};

const mfaVerify: Partial<VerifyStrings> = {
  'verify.title': 'Bestätigen Sie, dass Sie es sind',
  'verify.pick': 'Wählen Sie, wie Sie Ihre Identität bestätigen möchten.',
  'verify.factor.otp': 'Authenticator-App',
  'verify.factor.sms': 'SMS',
  'verify.factor.voice': 'Anruf',
  'verify.factor.email': 'E-Mail',
  'verify.factor.push': 'Push-Benachrichtigung',
  'verify.useRecovery': 'Wiederherstellungscode verwenden',
  'verify.useAnother': 'Andere Methode verwenden',
  'verify.otp.prompt': 'Geben Sie den Code aus Ihrer Authenticator-App ein.',
  'verify.sms.sent': 'Wir haben einen Code per SMS an {name} gesendet.',
  'verify.voice.sent': 'Wir rufen {name} an und lesen Ihnen einen Code vor.',
  'verify.email.sent': 'Wir haben einen Code an {name} gesendet.',
  'verify.sent': 'Wir haben Ihnen einen Code gesendet.',
  'verify.sending': 'Code wird gesendet …',
  'verify.codeLabel': 'Bestätigungscode',
  'verify.submit': 'Bestätigen',
  'verify.verifying': 'Wird geprüft …',
  'verify.incomplete': (v) => `Geben Sie alle ${v.length} Ziffern des Codes ein.`,
  'verify.resend': 'Erneut senden',
  'verify.resendIn': (v) =>
    seconds(v) === 1 ? 'Einen neuen Code können Sie in 1 Sekunde anfordern.' : `Einen neuen Code können Sie in ${v.seconds} Sekunden anfordern.`,
  'verify.resendReady': 'Sie können jetzt einen neuen Code anfordern.',
  'verify.resent': 'Ein neuer Code ist unterwegs.',
  'verify.push.prompt': 'Wir haben eine Benachrichtigung an {name} gesendet. Bestätigen Sie sie, um fortzufahren.',
  'verify.push.promptNoName': 'Wir haben eine Benachrichtigung an Ihr Telefon gesendet. Bestätigen Sie sie, um fortzufahren.',
  'verify.push.waiting': 'Warten auf Ihre Bestätigung …',
  'verify.push.expiresIn': (v) => `Die Anfrage läuft in ${v.time} ab.`,
  'verify.push.rejected': 'Die Anfrage wurde auf Ihrem Telefon abgelehnt.',
  'verify.push.expired': 'Die Anfrage ist abgelaufen, bevor sie bestätigt wurde.',
  'verify.push.cancelled': 'Die Anfrage wurde abgebrochen.',
  'verify.push.retry': 'Neue Anfrage senden',
  'verify.recovery.prompt':
    'Geben Sie einen Ihrer Wiederherstellungscodes ein. Leerzeichen, Bindestriche und Groß-/Kleinschreibung spielen keine Rolle.',
  'verify.recovery.label': 'Wiederherstellungscode',
  'verify.recovery.invalid': 'Ein Wiederherstellungscode hat 24 Buchstaben und Ziffern.',
  'verify.recovery.newTitle': 'Ihr neuer Wiederherstellungscode',
  'verify.recovery.newDescription': 'Der verwendete Wiederherstellungscode gilt nicht mehr. Hier ist Ihr neuer.',
  'verify.locked': (v) =>
    seconds(v) === 1
      ? 'Zu viele Versuche. Erneut versuchen in 1 Sekunde.'
      : `Zu viele Versuche. Erneut versuchen in ${v.seconds} Sekunden.`,
  'verify.unlocked': 'Sie können es jetzt erneut versuchen.',
  'verify.verified': 'Bestätigt.',
  'verify.field.valueMissing': 'Geben Sie den Bestätigungscode ein.',
};

const mfaEnrollment: Partial<EnrollmentStrings> = {
  heading: 'Mehrstufige Anmeldung',
  intro: 'Fügen Sie Ihrer Anmeldung einen zweiten Schritt hinzu. Sie können mehrere Methoden verwenden.',
  loadingList: 'Ihre Anmeldemethoden werden geladen …',
  loaded: (v) => `${v.enrolled} von ${v.total} ${plural(v.total, 'Methode', 'Methoden')} eingerichtet.`,
  loadFailed: 'Ihre Anmeldemethoden konnten nicht geladen werden.',
  refreshFailed: 'Die Liste konnte nicht aktualisiert werden; sie ist womöglich veraltet.',
  empty: 'Hier sind keine Anmeldemethoden verfügbar.',
  'factor.otp.title': 'Authenticator-App',
  'factor.otp.description': 'Verwenden Sie einen Einmalcode aus einer App wie Google Authenticator, Microsoft Authenticator oder 1Password.',
  'factor.sms.title': 'SMS',
  'factor.sms.description': 'Erhalten Sie einen Code per SMS auf Ihr Telefon.',
  'factor.voice.title': 'Sprachanruf',
  'factor.voice.description': 'Erhalten Sie einen Anruf, der Ihnen einen Code vorliest.',
  'factor.email.title': 'E-Mail',
  'factor.email.description': 'Erhalten Sie einen Code per E-Mail.',
  'factor.push.title': 'Push-Benachrichtigung (Auth0 Guardian)',
  'factor.push.description': 'Bestätigen Sie Anmeldungen mit einem Tippen in der App Auth0 Guardian.',
  'factor.recovery-code.title': 'Wiederherstellungscode',
  'factor.recovery-code.description': 'Ein Einmalcode, mit dem Sie sich anmelden können, wenn Ihre anderen Methoden nicht greifbar sind. Sie erhalten ihn mit Ihrer ersten Methode.',
  'name.otp': 'Authenticator-App',
  'name.push': 'Guardian-Gerät',
  'name.recovery-code': 'Wiederherstellungscode',
  'name.generic': 'Anmeldemethode',
  enrolled: 'Eingerichtet',
  enrolledList: (v) => `Eingerichtete Methoden: ${v.factor}`,
  notRemovable: 'Kann hier nicht entfernt werden.',
  recoveryAutomatic: 'Wird mit Ihrer ersten Methode erstellt.',
  enrollUnavailable: 'Die Einrichtung ist hier nicht verfügbar.',
  enroll: 'Einrichten',
  enrollLabel: (v) => `${v.factor} einrichten`,
  enrolling: 'Wird gestartet …',
  remove: 'Entfernen',
  removeLabel: (v) => `${v.name} entfernen`,
  removing: 'Wird entfernt …',
  'flow.title': (v) => `${v.factor} einrichten`,
  'flow.cancel': 'Abbrechen',
  'flow.cancelled': 'Einrichtung abgebrochen.',
  'flow.done': (v) => `${v.factor} ist eingerichtet.`,
  'phone.label': 'Telefonnummer',
  'phone.hint': 'Im internationalen Format: + und die Ländervorwahl, zum Beispiel +4915112345678.',
  'phone.invalid': 'Geben Sie die Nummer im internationalen Format ein: ein + gefolgt von Ländervorwahl und Nummer, zum Beispiel +4915112345678.',
  'phone.submit.sms': 'Code senden',
  'phone.submit.voice': 'Anrufen',
  'email.label': 'E-Mail-Adresse',
  'email.hint': 'Wir senden einen Code an diese Adresse.',
  'email.invalid': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  'email.submit': 'Code senden',
  sending: 'Wird gesendet …',
  'code.label': 'Bestätigungscode',
  'code.sent.sms': (v) => `Wir haben einen Code per SMS an ${v.to} gesendet.`,
  'code.sent.voice': (v) => `Wir rufen ${v.to} mit einem Code an.`,
  'code.sent.email': (v) => `Wir haben einen Code an ${v.to} gesendet.`,
  'code.incomplete': (v) => `Geben Sie alle ${v.length} Ziffern des Codes ein.`,
  'code.submit': 'Bestätigen',
  verifying: 'Wird geprüft …',
  'code.resend': 'Erneut senden',
  'code.resent': 'Ein neuer Code ist unterwegs.',
  'code.change.phone': 'Andere Nummer verwenden',
  'code.change.email': 'Andere Adresse verwenden',
  'push.scan': 'Scannen Sie den QR-Code mit der App Auth0 Guardian. Diese Seite geht weiter, sobald Sie in der App bestätigen.',
  'push.qrLabel': 'QR-Code für die App Auth0 Guardian',
  'push.openApp': 'In Guardian auf diesem Gerät öffnen',
  'push.waiting': 'Warten auf Ihre Bestätigung in der App …',
  'push.rejected': 'Die Einrichtung wurde in der App abgelehnt.',
  'push.expired': 'Der QR-Code ist abgelaufen.',
  'push.restart': 'Neu beginnen',
  'ticket.opened': 'Schließen Sie die Einrichtung im geöffneten Fenster ab. Diese Liste wird aktualisiert, wenn Sie es schließen.',
  'ticket.blocked': 'Ihr Browser hat das Einrichtungsfenster blockiert.',
  'ticket.link': 'Einrichtungsseite öffnen',
  'ticket.done': 'Ich bin fertig',
  'ticket.notCompleted': 'Das Einrichtungsfenster wurde geschlossen, bevor die Einrichtung abgeschlossen war.',
  'confirm.title': (v) => `${v.name} entfernen?`,
  'confirm.body': 'Sie können sich damit nicht mehr anmelden.',
  'confirm.linked.sms': 'Wenn Sie Ihr Telefon entfernen, entfallen auch die Sprachanrufe an diese Nummer.',
  'confirm.linked.voice': 'Wenn Sie die Sprachanrufe entfernen, entfallen auch die SMS an diese Nummer.',
  'confirm.linked.push': 'Wenn Sie Guardian-Push entfernen, entfallen auch die Einmalcodes, die die Guardian-App für dieses Konto anzeigt.',
  'confirm.linked.otp': 'Wenn Sie diese Codes entfernen, entfallen auch die Guardian-Push-Benachrichtigungen auf demselben Gerät.',
  'confirm.last': 'Es ist Ihre letzte Methode: Ihre Anmeldung fragt erst wieder nach einem zweiten Schritt, wenn Sie einen einrichten.',
  'confirm.yes': 'Entfernen',
  removed: (v) => `${v.name} wurde entfernt.`,
  'recovery.title': 'Speichern Sie Ihren Wiederherstellungscode',
  'recovery.titleMany': 'Speichern Sie Ihre Wiederherstellungscodes',
};

/** The German text of every element, by namespace; registered by `src/locales/de.ts` or loaded on demand. */
const table: Translation = { common, 'mfa-code-input': mfaCodeInput, 'mfa-qr-code': mfaQrCode, 'mfa-recovery-codes': mfaRecoveryCodes, 'mfa-otp-enroll': mfaOtpEnroll, 'mfa-verify': mfaVerify, 'mfa-enrollment': mfaEnrollment };
export default table;
