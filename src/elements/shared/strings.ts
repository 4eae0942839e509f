import type { MfaError } from '../../core/errors.js';
import { format, type Locales } from './localize.js';

/** Text every element shares: actions and the message for each error code. */
const en = {
  retry: 'Try again',
  cancel: 'Cancel',
  back: 'Back',
  close: 'Close',
  continue: 'Continue',
  copy: 'Copy',
  copied: 'Copied',
  loading: 'Loading…',
  noSource:
    'No data source: place this element inside <mfa-provider> or set its source property.',
  waitSeconds: (v) => (Number(v.seconds) === 1 ? 'Try again in 1 second.' : `Try again in ${v.seconds} seconds.`),
  attemptsLeft: (v) => (Number(v.count) === 1 ? '1 attempt left.' : `${v.count} attempts left.`),
  'error.network_error': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.bad_response': 'The server sent an answer that could not be read. Try again later.',
  'error.server_unavailable': 'The service is unavailable right now. Try again later.',
  'error.server_error': 'The service is unavailable right now. Try again later.',
  'error.rate_limited': 'Too many requests. Wait a moment and try again.',
  'error.too_many_requests': 'Too many requests. Wait a moment and try again.',
  'error.too_many_attempts': 'Too many failed attempts. Wait before trying again.',
  'error.invalid_grant': 'That code is not correct, or it has expired.',
  'error.expired_token': 'Your session has expired. Sign in again to continue.',
  'error.invalid_token': 'Your session is no longer valid. Sign in again to continue.',
  'error.mfa_required': 'Another verification step is required.',
  'error.access_denied': 'The request was denied.',
  'error.already_enrolled':
    'You already have an authenticator. Verify with it first, then add another one.',
  'error.unsupported_challenge_type': 'None of your authenticators can be used here. Enroll one first.',
  'error.association_required': 'You have no authenticator yet. Enroll one first.',
  'error.invalid_authenticator': 'That authenticator no longer exists.',
  'error.invalid_request': 'The request was refused. Check what you entered.',
  'error.invalid_input': 'Check what you entered.',
  'error.invalid_uri': 'The server sent an address that is not safe to open.',
  'error.popup_blocked': 'Your browser blocked the window. Use the link to open it.',
  'error.unsupported': 'This is not available here.',
  'error.no_source': 'No data source is configured.',
  'error.aborted': 'Cancelled.',
  'error.generic': 'Something went wrong. Try again.',
} satisfies Record<string, string | ((v: Record<string, string | number>) => string)>;

export type CommonStrings = typeof en;

const de: Partial<CommonStrings> = {
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

const fr: Partial<CommonStrings> = {
  retry: 'Réessayer',
  cancel: 'Annuler',
  back: 'Retour',
  close: 'Fermer',
  continue: 'Continuer',
  copy: 'Copier',
  copied: 'Copié',
  loading: 'Chargement…',
  noSource:
    'Aucune source de données : placez cet élément dans <mfa-provider> ou définissez sa propriété source.',
  waitSeconds: (v) =>
    Number(v.seconds) <= 1 ? 'Réessayez dans 1 seconde.' : `Réessayez dans ${v.seconds} secondes.`,
  attemptsLeft: (v) => (Number(v.count) <= 1 ? 'Encore 1 essai.' : `Encore ${v.count} essais.`),
  'error.network_error': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.timeout': 'Le serveur a mis trop de temps à répondre. Réessayez.',
  'error.bad_response': 'La réponse du serveur est illisible. Réessayez plus tard.',
  'error.server_unavailable': 'Le service est indisponible pour le moment. Réessayez plus tard.',
  'error.server_error': 'Le service est indisponible pour le moment. Réessayez plus tard.',
  'error.rate_limited': 'Trop de requêtes. Patientez un instant puis réessayez.',
  'error.too_many_requests': 'Trop de requêtes. Patientez un instant puis réessayez.',
  'error.too_many_attempts': "Trop d'essais échoués. Patientez avant de réessayer.",
  'error.invalid_grant': "Ce code est incorrect ou a expiré.",
  'error.expired_token': 'Votre session a expiré. Reconnectez-vous pour continuer.',
  'error.invalid_token': "Votre session n'est plus valide. Reconnectez-vous pour continuer.",
  'error.already_enrolled':
    "Vous avez déjà un authentificateur. Vérifiez-vous d'abord avec lui, puis ajoutez-en un autre.",
  'error.invalid_input': 'Vérifiez votre saisie.',
  'error.popup_blocked': 'Votre navigateur a bloqué la fenêtre. Utilisez le lien pour l’ouvrir.',
  'error.generic': 'Une erreur est survenue. Réessayez.',
};

export const commonStrings: Locales<CommonStrings> = { en, de, fr };

/**
 * The localized sentence for an error. The server's own description is never shown as the main
 * message (it is English and not written for end users); callers may show it as detail, as text.
 */
export function errorKey(error: MfaError): keyof CommonStrings {
  const key = `error.${error.code}`;
  return (key in en ? key : 'error.generic') as keyof CommonStrings;
}

export { format };
