import { registerTranslation } from '../i18n/localize.js';
import table from './tables/fr.js';

/** Import up front (`mfa-elements/locales/fr.js`) to skip the brief English first render. */
registerTranslation('fr', table);
