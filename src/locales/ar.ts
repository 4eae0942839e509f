import { registerTranslation } from '../i18n/localize.js';
import table from './tables/ar.js';

/** Import up front (`mfa-elements/locales/ar.js`) to skip the brief English first render. */
registerTranslation('ar', table);
