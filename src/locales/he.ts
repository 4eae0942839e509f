import { registerTranslation } from '../i18n/localize.js';
import table from './tables/he.js';

/** Import up front (`mfa-elements/locales/he.js`) to skip the brief English first render. */
registerTranslation('he', table);
