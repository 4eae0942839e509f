import { registerTranslation } from '../elements/shared/localize.js';
import type { CommonStrings } from '../elements/shared/strings.js';

const common: Partial<CommonStrings> = {
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

registerTranslation('fr', { common });
