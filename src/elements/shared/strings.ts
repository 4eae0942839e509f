import type { MfaError } from '../../core/errors.js';
import { format } from '../../i18n/localize.js';
import { commonEn, type CommonStrings } from '../../locales/en/common.js';

/**
 * The localized sentence for an error. The server's own description is never shown as the main
 * message (it is English and not written for end users); callers may show it as detail, as text.
 */
export function errorKey(error: MfaError): keyof CommonStrings {
  const key = `error.${error.code}`;
  return (key in commonEn ? key : 'error.generic') as keyof CommonStrings;
}

export { format };
