import { MfaApiSource } from '../../../core/api-source.js';
import { MfaError } from '../../../core/errors.js';
import type { SourceKind } from './kinds.js';

/** `domain` + `client-id`: an `MfaApiSource` straight to Auth0's MFA API. */
export const direct: SourceKind = {
  wants: (s) => !!(s.domain || s.clientId),
  create(s) {
    if (!s.domain) throw new MfaError('invalid_input', { description: 'mfa-provider: domain is required with client-id' });
    if (!s.clientId) throw new MfaError('invalid_input', { description: 'mfa-provider: client-id is required with domain' });
    const { domain, clientId, mfaToken, accessToken, getToken, fetch } = s;
    return new MfaApiSource({ domain, clientId, mfaToken, accessToken, getToken, fetch });
  },
  retoken(source, tokens, previous) {
    // setTokens cannot forget a token: a removed one needs a new source.
    const removed =
      (previous.mfaToken !== undefined && tokens.mfaToken === undefined) ||
      (previous.accessToken !== undefined && tokens.accessToken === undefined);
    if (removed) return false;
    (source as MfaApiSource).setTokens(tokens);
    return true;
  },
};
