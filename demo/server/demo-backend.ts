/**
 * The demo's "app server" for proxy mode, mounted on the Vite dev server's own origin: a tiny
 * session layer (what an app's auth SDK would do) and `createMfaProxy` at `/api/auth/mfa`.
 *
 * - `POST /api/demo/login` `{username, password}`: the password grant with the confidential
 *   `demo-web` client, server-side. The tenant always answers `mfa_required`; its `mfa_token` goes
 *   into an in-memory session, and the browser only gets an HttpOnly SameSite=Strict cookie.
 * - `POST /api/demo/logout`: forgets the session.
 * - `/api/auth/mfa/*`: the proxy. `getSession` reads the cookie's session; `onTokens` keeps the
 *   MFA access token a verify returns (so a second factor can be enrolled and removed); the
 *   Management API credentials (`demo-m2m`) give the factor list, tickets and removal.
 *
 * Demo-only shortcut: the user id (`auth0|…`) comes from the emulator's `/__emulator/users` control
 * route. A real app reads it from its own session (the ID token's `sub`).
 */
import { randomBytes } from 'node:crypto';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/core/index.js';
import { emulatorSignIn } from '../../src/emulator/client-helpers.js';
import { createMfaProxy, type ProxySession, type ProxyTokens } from '../../src/server/index.js';

export const PROXY_BASE = '/api/auth/mfa';
export const LOGIN_PATH = '/api/demo/login';
export const LOGOUT_PATH = '/api/demo/logout';
export const SESSION_COOKIE = 'mfa_demo_sid';

/** The emulator's confidential web client and its Management API client (docs/emulator.md). */
const WEB_CLIENT = { clientId: 'demo-web', clientSecret: 'demo-web-secret' } as const;
const M2M_CLIENT = { clientId: 'demo-m2m', clientSecret: 'demo-m2m-secret' } as const;
/** Sessions kept at most (oldest dropped first): the demo must not grow without bound. */
const MAX_SESSIONS = 500;

interface DemoSession extends ProxySession {
  email: string;
}

export interface LoginAnswer {
  email: string;
  userId: string;
  /** What the login said the user must do next: `enroll` (nothing active) or `challenge`. */
  next: 'enroll' | 'challenge';
}

export interface DemoBackend {
  /** True for the paths this backend answers. */
  owns(pathname: string): boolean;
  handle(request: Request): Promise<Response>;
  /** Whether the request's cookie names a live session (the examples sign a visitor in otherwise). */
  hasSession(request: Request): boolean;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

export function createDemoBackend(options: { emulatorUrl: string; log?: (line: string) => void }): DemoBackend {
  const { emulatorUrl } = options;
  const sessions = new Map<string, DemoSession>();

  const sessionId = (request: Request): string | undefined => {
    for (const part of (request.headers.get('cookie') ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === SESSION_COOKIE) return value.join('=');
    }
    return undefined;
  };
  const sessionOf = (request: Request): DemoSession | undefined => {
    const id = sessionId(request);
    return id === undefined ? undefined : sessions.get(id);
  };

  const proxy = createMfaProxy({
    domain: emulatorUrl,
    clientId: WEB_CLIENT.clientId,
    clientSecret: WEB_CLIENT.clientSecret,
    basePath: PROXY_BASE,
    management: { ...M2M_CLIENT },
    getSession: (request) => {
      const session = sessionOf(request);
      return session ? { userId: session.userId, mfaToken: session.mfaToken, accessToken: session.accessToken } : null;
    },
    onTokens: (request: Request, tokens: ProxyTokens) => {
      const session = sessionOf(request);
      if (!session) return;
      if (tokens.accessToken) session.accessToken = tokens.accessToken;
      if (tokens.mfaToken) session.mfaToken = tokens.mfaToken;
    },
    onError: (error) => options.log?.(`proxy: ${error instanceof Error ? error.message : String(error)}`),
  });

  /** Same-origin JSON calls only: the login sets a cookie, so it gets the proxy's CSRF rules. */
  const sameOrigin = (request: Request): boolean =>
    request.headers.get(CSRF_HEADER) === CSRF_VALUE && request.headers.get('origin') === new URL(request.url).origin;

  async function login(request: Request): Promise<Response> {
    if (!sameOrigin(request)) return json({ error: 'forbidden', error_description: 'Cross-site request refused.' }, 403);
    const body = (await request.json().catch(() => null)) as { username?: unknown; password?: unknown } | null;
    const username = typeof body?.username === 'string' ? body.username.trim() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!username || !password) return json({ error: 'invalid_request', error_description: 'Email and password are required.' }, 400);

    const grant = await emulatorSignIn(emulatorUrl, {
      username,
      password,
      clientId: WEB_CLIENT.clientId,
      clientSecret: WEB_CLIENT.clientSecret,
    });
    if (!grant.mfaRequired) {
      // Wrong password (invalid_grant) and the like: Auth0's error, never a token.
      const { error, error_description: description } = grant.body as { error?: string; error_description?: string };
      return json({ error: error ?? 'server_error', error_description: description ?? '' }, grant.status >= 400 ? grant.status : 502);
    }
    const users = (await (await fetch(`${emulatorUrl}/__emulator/users`)).json()) as Array<{ id: string; email: string }>;
    const user = users.find((u) => u.email.toLowerCase() === username.toLowerCase());
    if (!user) return json({ error: 'server_error', error_description: 'User not found in the emulator.' }, 502);

    const old = sessionId(request);
    if (old !== undefined) sessions.delete(old);
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    const id = randomBytes(24).toString('base64url');
    sessions.set(id, { userId: user.id, email: user.email, mfaToken: grant.mfaRequired.mfaToken });
    const out: LoginAnswer = { email: user.email, userId: user.id, next: grant.mfaRequired.mfaRequirements?.challenge ? 'challenge' : 'enroll' };
    return json(out, 200, { 'set-cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict` });
  }

  function logout(request: Request): Response {
    if (!sameOrigin(request)) return json({ error: 'forbidden' }, 403);
    const id = sessionId(request);
    if (id !== undefined) sessions.delete(id);
    return json({ ok: true }, 200, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` });
  }

  return {
    hasSession: (request) => sessionOf(request) !== undefined,
    owns: (pathname) => pathname === LOGIN_PATH || pathname === LOGOUT_PATH || pathname === PROXY_BASE || pathname.startsWith(`${PROXY_BASE}/`),
    async handle(request) {
      const { pathname } = new URL(request.url);
      const method = request.method.toUpperCase();
      if (pathname === LOGIN_PATH) return method === 'POST' ? login(request) : json({ error: 'method_not_allowed' }, 405, { allow: 'POST' });
      if (pathname === LOGOUT_PATH) return method === 'POST' ? logout(request) : json({ error: 'method_not_allowed' }, 405, { allow: 'POST' });
      return proxy(request);
    },
  };
}
