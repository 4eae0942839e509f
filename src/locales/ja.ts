import { registerTranslation } from '../i18n/localize.js';
import table from './tables/ja.js';

/** Import up front (`mfa-elements/locales/ja.js`) to skip the brief English first render. */
registerTranslation('ja', table);
