import { listenNode, type Listening } from '../server/node-handler.js';
import { createClock } from './clock.js';
import { resolveConfig, type EmulatorOptions } from './config.js';
import { isPreflight, preflight, withCors } from './cors.js';
import { dispatch, internalError } from './dispatch.js';
import { json } from './http.js';
import type { Route } from './router.js';
import { controlRoutes } from './routes/control.js';
import { managementRoutes } from './routes/management.js';
import { mfaRoutes } from './routes/mfa.js';
import { myAccountRoutes } from './routes/my-account.js';
import { oidcRoutes } from './routes/oidc.js';
import { ticketPageRoutes } from './routes/ticket-page.js';
import { tokenRoutes } from './routes/token.js';
import { createWorld } from './world.js';

export { emulatorSignIn } from './client-helpers.js';
export type { EmulatorSignIn, EmulatorSignInAnswer, MfaRequired } from './client-helpers.js';
export type {
  ClientConfig,
  ClientGrant,
  EmulatorFactor,
  EmulatorOptions,
  SeedAuthenticator,
  SeedUser,
  UserSettings,
  UserSettingsInput,
} from './config.js';
export { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_USERS } from './config.js';
export type { FaultSpec } from './faults.js';
export type { LimitName, LimitSpec } from './rate-limit.js';
export type { TotpAlgorithm, TotpSettings } from './totp.js';

export interface EmulatorServer {
  /** `http(s)://host:port`, no trailing slash; the MFA API is at `${url}/mfa/`. */
  url: string;
  close(): Promise<void>;
}

export interface Emulator {
  /** Fetch-standard: the base URL and audiences derive from `request.url`'s origin. */
  handle(request: Request): Promise<Response>;
  /** Defaults: port 0 (any free one), host 127.0.0.1; `tls` (PEM key and cert) serves HTTPS. */
  listen(options?: { port?: number; host?: string; tls?: { key: string | Buffer; cert: string | Buffer } }): Promise<EmulatorServer>;
  /** Back to the start state: seeded users only, no tokens, faults, outbox, log or clock offset. */
  reset(): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const config = resolveConfig(options);
  const fresh = () => createWorld(config, createClock(options.now));
  let world = fresh();
  const reset = () => {
    world = fresh();
  };
  const routes: Route[] = [
    ...tokenRoutes,
    ...oidcRoutes,
    ...mfaRoutes,
    ...myAccountRoutes,
    ...ticketPageRoutes,
    ...managementRoutes,
    ...controlRoutes,
    {
      method: 'POST',
      path: '/__emulator/reset',
      handle: () => {
        reset();
        return json({ ok: true });
      },
    },
  ];

  async function handle(request: Request): Promise<Response> {
    if (isPreflight(request)) return preflight(request, config.corsOrigins);
    let response: Response;
    try {
      response = await dispatch(routes, request, world);
    } catch (error) {
      config.log(`[emulator] internal error: ${error instanceof Error ? error.message : String(error)}`);
      response = internalError();
    }
    return withCors(request, response, config.corsOrigins);
  }

  return {
    handle,
    reset,
    listen: async ({ port = 0, host = '127.0.0.1', tls } = {}) => {
      const server: Listening = await listenNode(handle, { port, host, ...(tls && { tls }) });
      return { url: server.url, close: server.close };
    },
  };
}
