import { registerTranslation } from '../i18n/localize.js';
import table from './tables/zh-CN.js';

/** Import up front (`mfa-elements/locales/zh-CN.js`) to skip the brief English first render. */
registerTranslation('zh-CN', table);
