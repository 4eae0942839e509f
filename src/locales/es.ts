import { registerTranslation } from '../i18n/localize.js';
import table from './tables/es.js';

/** Import up front (`mfa-elements/locales/es.js`) to skip the brief English first render. */
registerTranslation('es', table);
