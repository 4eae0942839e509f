import { one, registerTranslation } from '../elements/shared/localize.js';
import type { CommonStrings } from '../elements/shared/strings.js';
import { type CodeInputStrings } from '../elements/mfa-code-input/mfa-code-input.strings.js';
import { type QrStrings } from '../elements/mfa-qr-code/mfa-qr-code.strings.js';
import { type RecoveryStrings } from '../elements/mfa-recovery-codes/mfa-recovery-codes.strings.js';
import { type OtpEnrollStrings } from '../elements/mfa-otp-enroll/mfa-otp-enroll.strings.js';
import { type VerifyStrings, seconds } from '../elements/mfa-verify/mfa-verify.strings.js';

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

const mfaCodeInput: Partial<CodeInputStrings> = {
  'codeInput.label': (v) => `Code à ${v.length} chiffres`,
};

const mfaQrCode: Partial<QrStrings> = {
  'qr.label': 'Code QR',
  'qr.loading': 'Création du code QR…',
  'qr.invalid': "Ce code QR ne peut pas être affiché : l’adresse n’est pas une clé d’authentification.",
  'qr.failed': "Le code QR n’a pas pu être créé.",
};

const mfaRecoveryCodes: Partial<RecoveryStrings> = {
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

const mfaOtpEnroll: Partial<OtpEnrollStrings> = {
  'otp.title': 'Ajouter une application d’authentification',
  'otp.starting': 'Création de votre clé…',
  'otp.scanTitle': 'Scannez le code QR',
  'otp.scanText': 'Ouvrez votre application d’authentification, choisissez d’ajouter un compte et scannez ce code.',
  'otp.qrLabel': 'Code QR qui ajoute {name} à une application d’authentification',
  'otp.openInApp': 'Ouvrir dans l’application d’authentification',
  'otp.openInAppHint': 'Si l’application est sur cet appareil.',
  'otp.cantScan': 'Impossible de scanner le code ?',
  'otp.manualText': 'Ajoutez le compte à la main : saisissez cette clé de configuration dans votre application.',
  'otp.secretLabel': 'Clé de configuration',
  'otp.secretSpelled': 'Clé de configuration, caractère par caractère : {spelled}',
  'otp.copyKey': 'Copier la clé',
  'otp.keyCopied': 'Clé de configuration copiée.',
  'otp.keySelected': 'Clé de configuration sélectionnée. Copiez-la avec Ctrl+C (⌘C sur Mac).',
  'otp.copyFailed': 'La copie n’est pas disponible ici. Saisissez la clé à la main.',
  'otp.appShows': 'Votre application affichera',
  'otp.issuer': 'Service',
  'otp.account': 'Compte',
  'otp.type': 'Type',
  'otp.typeTotp': 'Basé sur le temps',
  'otp.algorithm': 'Algorithme',
  'otp.digits': 'Chiffres',
  'otp.period': 'Intervalle',
  'otp.periodValue': (v) => (Number(v.seconds) <= 1 ? '1 seconde' : `${v.seconds} secondes`),
  'otp.codeTitle': 'Saisissez le code',
  'otp.codeText': 'Saisissez le code à {digits} chiffres que votre application affiche maintenant pour ce compte.',
  'otp.codeLabel': 'Code à {digits} chiffres de votre application',
  'otp.verify': 'Vérifier',
  'otp.verifying': 'Vérification du code…',
  'otp.wrongCode': 'Ce code est incorrect. Saisissez le code le plus récent de votre application.',
  'otp.incomplete': 'Saisissez les {digits} chiffres.',
  'otp.canRetry': 'Vous pouvez réessayer maintenant.',
  'otp.startOver': 'Recommencer',
  'otp.recoveryTitle': (v) => (one(v) ? 'Enregistrez votre code de récupération' : 'Enregistrez vos codes de récupération'),
  'otp.codeAccepted': (v) =>
    one(v)
      ? 'Code accepté. Enregistrez maintenant votre code de récupération.'
      : 'Code accepté. Enregistrez maintenant vos codes de récupération.',
  'otp.doneTitle': 'Application d’authentification ajoutée',
  'otp.doneText': 'Désormais, vous pouvez vous connecter avec un code de votre application.',
  'otp.unsupported': 'Impossible d’ajouter une application d’authentification ici.',
  'otp.invalidUri':
    'Le serveur a envoyé une clé qui n’est pas une clé d’application d’authentification : elle n’est donc pas affichée. Réessayez, ou contactez l’assistance si cela se reproduit.',
};

const mfaVerify: Partial<VerifyStrings> = {
  'verify.title': 'Confirmez votre identité',
  'verify.pick': 'Choisissez comment confirmer votre identité.',
  'verify.factor.otp': "Application d'authentification",
  'verify.factor.sms': 'SMS',
  'verify.factor.voice': 'Appel téléphonique',
  'verify.factor.email': 'E-mail',
  'verify.factor.push': 'Notification push',
  'verify.useRecovery': 'Utiliser un code de récupération',
  'verify.useAnother': 'Utiliser une autre méthode',
  'verify.otp.prompt': "Saisissez le code affiché dans votre application d'authentification.",
  'verify.sms.sent': 'Nous avons envoyé un code par SMS au {name}.',
  'verify.voice.sent': 'Nous appelons le {name} pour vous lire un code.',
  'verify.email.sent': 'Nous avons envoyé un code à {name}.',
  'verify.sent': 'Nous vous avons envoyé un code.',
  'verify.sending': 'Envoi du code…',
  'verify.codeLabel': 'Code de vérification',
  'verify.submit': 'Vérifier',
  'verify.verifying': 'Vérification…',
  'verify.incomplete': (v) => `Saisissez les ${v.length} chiffres du code.`,
  'verify.resend': 'Renvoyer',
  'verify.resendIn': (v) =>
    seconds(v) <= 1 ? 'Vous pourrez demander un nouveau code dans 1 seconde.' : `Vous pourrez demander un nouveau code dans ${v.seconds} secondes.`,
  'verify.resendReady': 'Vous pouvez maintenant demander un nouveau code.',
  'verify.resent': 'Un nouveau code est en route.',
  'verify.push.prompt': 'Nous avons envoyé une notification à {name}. Approuvez-la pour continuer.',
  'verify.push.promptNoName': 'Nous avons envoyé une notification à votre téléphone. Approuvez-la pour continuer.',
  'verify.push.waiting': 'En attente de votre approbation…',
  'verify.push.expiresIn': (v) => `La demande expire dans ${v.time}.`,
  'verify.push.rejected': 'La demande a été refusée sur votre téléphone.',
  'verify.push.expired': 'La demande a expiré avant d’être approuvée.',
  'verify.push.cancelled': 'La demande a été annulée.',
  'verify.push.retry': 'Envoyer une nouvelle demande',
  'verify.recovery.prompt':
    'Saisissez un de vos codes de récupération. Les espaces, tirets et majuscules sont sans importance.',
  'verify.recovery.label': 'Code de récupération',
  'verify.recovery.invalid': 'Un code de récupération comporte 24 lettres et chiffres.',
  'verify.recovery.newTitle': 'Votre nouveau code de récupération',
  'verify.recovery.newDescription': "Le code de récupération utilisé n'est plus valable. Voici le nouveau.",
  'verify.locked': (v) =>
    seconds(v) <= 1 ? "Trop d'essais. Réessayez dans 1 seconde." : `Trop d'essais. Réessayez dans ${v.seconds} secondes.`,
  'verify.unlocked': 'Vous pouvez réessayer maintenant.',
  'verify.verified': 'Vérifié.',
  'verify.field.valueMissing': 'Saisissez le code de vérification.',
};

registerTranslation('fr', { common, 'mfa-code-input': mfaCodeInput, 'mfa-qr-code': mfaQrCode, 'mfa-recovery-codes': mfaRecoveryCodes, 'mfa-otp-enroll': mfaOtpEnroll, 'mfa-verify': mfaVerify });
