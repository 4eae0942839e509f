/**
 * Hono (any runtime with fetch: Node, Bun, Deno, Cloudflare Workers): the MFA proxy at /api/auth/mfa.
 * Hono hands over the standard Request as `c.req.raw`, which is all the proxy needs.
 *
 * In your app, import from 'mfa-elements/server.js' instead of the relative path below.
 * On Node, serve it with `@hono/node-server`, or with this package's `listenNode(app.fetch)`.
 */
import { Hono } from 'hono';
import { createMfaProxy, type ProxySession, type ProxyTokens } from '../../src/server/index.js';

export interface ExampleConfig {
  auth0Domain: string;
  clientId: string;
  clientSecret: string;
  managementClientId: string;
  managementClientSecret: string;
  appOrigin: string;
  getSession(request: Request): Promise<ProxySession | null> | ProxySession | null;
  saveTokens(request: Request, tokens: ProxyTokens): Promise<void> | void;
}

export function createApp(config: ExampleConfig): Hono {
  const app = new Hono();

  const mfa = createMfaProxy({
    domain: config.auth0Domain,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    management: { clientId: config.managementClientId, clientSecret: config.managementClientSecret },
    basePath: '/api/auth/mfa',
    allowedOrigins: [config.appOrigin],
    getSession: config.getSession,
    onTokens: config.saveTokens,
  });

  app.all('/api/auth/mfa', (c) => mfa(c.req.raw));
  app.all('/api/auth/mfa/*', (c) => mfa(c.req.raw));

  app.get('/health', (c) => c.json({ ok: true }));
  return app;
}
