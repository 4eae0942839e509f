import { registerTranslation } from '../i18n/localize.js';
import table from './tables/it.js';

/** Import up front (`mfa-elements/locales/it.js`) to skip the brief English first render. */
registerTranslation('it', table);
