import { MyAccountSource } from '../../../core/my-account-source.js';
import type { SourceKind } from './kinds.js';

/**
 * `api="my-account"`: a `MyAccountSource`, through `proxy-url` (the server's My Account routes,
 * session cookie) or straight to `domain` with an access token for `https://{domain}/me/`.
 */
export const myAccount: SourceKind = {
  api: 'my-account',
  wants: (s) => !!(s.proxyUrl || s.domain),
  create: (s) =>
    s.proxyUrl
      ? new MyAccountSource({ baseUrl: s.proxyUrl, fetch: s.fetch })
      : new MyAccountSource({ domain: s.domain, accessToken: s.accessToken, getToken: s.getToken, fetch: s.fetch }),
  retoken(source, tokens) {
    (source as MyAccountSource).setToken(tokens.accessToken);
    return true;
  },
};
