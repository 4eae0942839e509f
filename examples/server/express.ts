/**
 * Express 5: the MFA proxy mounted at /api/auth/mfa next to the rest of an app.
 *
 * In your app, import from 'mfa-elements/server.js' instead of the relative path below.
 * The page then needs nothing but:
 *
 *   <mfa-provider proxy-url="/api/auth/mfa"><mfa-enrollment></mfa-enrollment></mfa-provider>
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { createMfaProxy, toNodeHandler, type ProxySession, type ProxyTokens } from '../../src/server/index.js';

export interface ExampleConfig {
  /** `your-tenant.us.auth0.com` (or the emulator's origin in development). */
  auth0Domain: string;
  /** The app's regular web application (MFA grant enabled). */
  clientId: string;
  clientSecret: string;
  /** An M2M application authorized for the Management API (see MfaProxyOptions.management). */
  managementClientId: string;
  managementClientSecret: string;
  /** Where the pages are served from, e.g. `https://app.example.com`. */
  appOrigin: string;
  /** Your session layer: who is signed in, and the MFA tokens your login stored for them. */
  getSession(request: Request): Promise<ProxySession | null> | ProxySession | null;
  /** Keep new tokens (an MFA access token after the first enrollment) in that session. */
  saveTokens(request: Request, tokens: ProxyTokens): Promise<void> | void;
}

export function createApp(config: ExampleConfig): Express {
  const app = express();

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

  // Mount it before any body parser: the proxy reads (and size-limits) the request body itself.
  // A plain prefix test rather than an Express route: Express decodes route paths and answers a
  // malformed escape (`%`, `%C0%AE`) with its own HTML error page; the proxy answers a typed 400.
  // req.url stays whole, which the proxy matches against its basePath.
  const handleMfa = toNodeHandler(mfa);
  app.use((req, res, next) => (/^\/api\/auth\/mfa(?:[/?]|$)/.test(req.url) ? handleMfa(req, res) : next()));

  // …the rest of the app.
  app.use(express.json());
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  // Last: Express's default handler answers HTML, with the stack outside production.
  const typedErrors: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode);
    const client = status >= 400 && status < 500;
    res.status(client ? status : 500).json({ error: client ? 'invalid_request' : 'server_error' });
  };
  app.use(typedErrors);
  return app;
}
