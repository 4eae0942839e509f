import { ProxySource } from '../../../core/proxy-source.js';
import type { SourceKind } from './kinds.js';

/** `proxy-url`: a `ProxySource` for the server routes. */
export const proxy: SourceKind = {
  wants: (s) => !!s.proxyUrl,
  create: (s) => new ProxySource({ baseUrl: s.proxyUrl!, token: s.mfaToken ?? s.accessToken, fetch: s.fetch }),
  retoken(source, tokens) {
    (source as ProxySource).setToken(tokens.mfaToken ?? tokens.accessToken);
    return true;
  },
};
