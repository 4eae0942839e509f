import { registerTranslation } from '../i18n/localize.js';
import table from './tables/sv.js';

/** Import up front (`mfa-elements/locales/sv.js`) to skip the brief English first render. */
registerTranslation('sv', table);
