/**
 * Next.js 16's request proxy (formerly `middleware.ts`): nextjs-auth0's routes (`/auth/login`,
 * `/auth/callback`, `/auth/logout`, rolling sessions) and one guard for the MFA proxy's routes.
 *
 * The guard: Next.js decodes a catch-all route's segments before the route runs, and a malformed
 * escape (`%`, `%E0%A4%A`, `%C0%AE`) would be answered by Next.js itself (a plain-text 400 or a
 * 500), not by the proxy. Here the raw URL is still intact, so such a path gets the proxy's own
 * typed JSON 400.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { auth0 } from './lib/auth0';
import { browserUrl } from './lib/tenant';

const MFA_BASE = '/api/auth/mfa';

export async function proxy(request: NextRequest): Promise<Response> {
  const path = rawPath(request.url);
  if ((path === MFA_BASE || path.startsWith(`${MFA_BASE}/`)) && !decodes(path)) {
    return NextResponse.json(
      { error: 'invalid_request', error_description: 'Malformed path.' },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
  const response = await auth0.middleware(request);
  // With the local emulator, the browser goes to its real URL (lib/tenant.ts); otherwise unchanged.
  const location = response.headers.get('location');
  if (location) response.headers.set('location', browserUrl(location));
  return response;
}

/** The path as the client sent it: `new URL` keeps percent-escapes as they are. */
function rawPath(url: string): string {
  return new URL(url).pathname;
}

function decodes(path: string): boolean {
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
