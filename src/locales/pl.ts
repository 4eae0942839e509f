import { registerTranslation } from '../i18n/localize.js';
import table from './tables/pl.js';

/** Import up front (`mfa-elements/locales/pl.js`) to skip the brief English first render. */
registerTranslation('pl', table);
