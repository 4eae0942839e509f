/**
 * The MFA proxy (examples/server/nextjs-route.ts, here with this app's session and tokens). The
 * optional catch-all sends `/api/auth/mfa` and everything under it to the one handler, which does
 * its own routing from the raw URL. A path whose escapes do not decode never gets here: Next.js
 * decodes the segments first, so ../../../../proxy.ts answers those with the proxy's typed 400.
 */
import { createMfaProxy } from 'mfa-elements/server.js';
import { keepTokens, mfaSession } from '../../../../../lib/mfa-tokens';
import { DOMAIN, tenantFetch } from '../../../../../lib/tenant';

const mfa = createMfaProxy({
  domain: DOMAIN,
  clientId: process.env.AUTH0_CLIENT_ID ?? 'demo-web',
  clientSecret: process.env.AUTH0_CLIENT_SECRET ?? 'demo-web-secret',
  // Without an M2M client the factor list and ticket routes answer 404 and ProxySource works
  // without them; with the emulator, its demo M2M client.
  ...(tenantFetch && { management: { clientId: 'demo-m2m', clientSecret: 'demo-m2m-secret' } }),
  basePath: '/api/auth/mfa',
  allowedOrigins: [process.env.APP_BASE_URL ?? 'http://localhost:3000'],
  getSession: () => mfaSession(),
  onTokens: (_request, tokens) => keepTokens(tokens),
  ...(tenantFetch && { fetch: tenantFetch }),
});

export const GET = mfa;
export const POST = mfa;
export const DELETE = mfa;
