import { registerTranslation } from '../i18n/localize.js';
import table from './tables/de.js';

/** Import up front (`mfa-elements/locales/de.js`) to skip the brief English first render. */
registerTranslation('de', table);
