import { registerTranslation } from '../i18n/localize.js';
import table from './tables/pt-BR.js';

/** Import up front (`mfa-elements/locales/pt-BR.js`) to skip the brief English first render. */
registerTranslation('pt-BR', table);
