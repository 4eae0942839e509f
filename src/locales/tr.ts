import { registerTranslation } from '../i18n/localize.js';
import table from './tables/tr.js';

/** Import up front (`mfa-elements/locales/tr.js`) to skip the brief English first render. */
registerTranslation('tr', table);
