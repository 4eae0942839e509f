/**
 * Next.js App Router: save as `app/api/auth/mfa/[[...path]]/route.ts`. The optional catch-all
 * sends `/api/auth/mfa` and everything under it to the one handler, which does its own routing.
 *
 * Shown with nextjs-auth0 v4 for the session; any session layer works. Your login keeps the MFA
 * tokens server-side (the `mfa_token` of an `MfaRequiredError`, or an access token for the
 * `https://{domain}/mfa/` audience); `mfaStore` below stands for wherever you keep them.
 * A complete app with it, run by the test suite: examples/nextjs.
 *
 * Everything this handler answers is typed JSON. One thing never reaches it: Next.js decodes the
 * catch-all segments itself, before any route code runs, so a path with a malformed escape (`%`,
 * `%C0%AE`) is answered by Next.js (a 500 in 16.5; vercel/next.js#94278), not by the proxy. Add
 * the guard of examples/nextjs/proxy.ts, which sees the raw URL and answers the proxy's typed 400.
 */
import { createMfaProxy } from 'mfa-elements/server.js';
import { auth0 } from '@/lib/auth0';
import { mfaStore } from '@/lib/mfa-store';

const mfa = createMfaProxy({
  domain: process.env.AUTH0_DOMAIN!,
  clientId: process.env.AUTH0_CLIENT_ID!,
  clientSecret: process.env.AUTH0_CLIENT_SECRET!,
  management: {
    clientId: process.env.AUTH0_MGMT_CLIENT_ID!,
    clientSecret: process.env.AUTH0_MGMT_CLIENT_SECRET!,
  },
  basePath: '/api/auth/mfa',
  allowedOrigins: [process.env.APP_BASE_URL!],
  async getSession() {
    const session = await auth0.getSession();
    if (!session) return null;
    const tokens = await mfaStore.get(session.user.sub);
    return { userId: session.user.sub, mfaToken: tokens?.mfaToken, accessToken: tokens?.accessToken };
  },
  async onTokens(_request, tokens) {
    const session = await auth0.getSession();
    if (session) await mfaStore.update(session.user.sub, tokens);
  },
});

export const GET = mfa;
export const POST = mfa;
export const DELETE = mfa;
// The My Account routes ({base}/me/…) rename and switch SMS ⇄ voice with PATCH.
export const PATCH = mfa;
