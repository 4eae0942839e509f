import { registerTranslation } from '../elements/shared/localize.js';
import type { CommonStrings } from '../elements/shared/strings.js';

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

registerTranslation('de', { common });
