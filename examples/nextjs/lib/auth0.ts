import { Auth0Client } from '@auth0/nextjs-auth0/server';
import { DOMAIN, tenantFetch } from './tenant';

/**
 * The session layer: nextjs-auth0 v4, unchanged. The defaults are the emulator's confidential web
 * client (docs/emulator.md); `offline_access` asks for the refresh token that lib/mfa-tokens.ts
 * exchanges for the MFA API.
 */
export const auth0 = new Auth0Client({
  domain: DOMAIN,
  clientId: process.env.AUTH0_CLIENT_ID ?? 'demo-web',
  clientSecret: process.env.AUTH0_CLIENT_SECRET ?? 'demo-web-secret',
  appBaseUrl: process.env.APP_BASE_URL ?? 'http://localhost:3000',
  secret: process.env.AUTH0_SECRET ?? 'an-example-only-cookie-secret-of-32-bytes-or-more',
  ...(tenantFetch && { customFetch: tenantFetch }),
  authorizationParameters: { scope: 'openid profile email offline_access' },
});
