import type { Clock } from './clock.js';
import type { EmulatorConfig } from './config.js';
import { Faults } from './faults.js';
import type { AuthSession, MeLimits } from './my-account.js';
import type { PasskeyRecord } from './passkeys.js';
import { LoginStore } from './login-store.js';
import { OobStore } from './oob.js';
import { Outbox } from './outbox.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { UserStore } from './state.js';
import { TokenStore } from './tokens.js';

export interface EnrollmentTicket {
  ticketId: string;
  userId: string;
  factor?: string;
  expiresAt: number;
}

/** Everything `reset()` throws away: the emulator's whole mutable state. */
export interface World {
  config: EmulatorConfig;
  clock: Clock;
  users: UserStore;
  tokens: TokenStore;
  oob: OobStore;
  outbox: Outbox;
  limits: RateLimiter;
  faults: Faults;
  requests: RequestLog;
  tickets: Map<string, EnrollmentTicket>;
  logins: LoginStore;
  /** My Account enrollments waiting for `verify`, by `auth_session`. */
  meSessions: Map<string, AuthSession>;
  /** My Account per-user limits, off until the control API sets them. */
  meLimits: MeLimits;
  /** My Account passkeys by user id. */
  passkeys: Map<string, PasskeyRecord[]>;
}

export function createWorld(configured: EmulatorConfig, clock: Clock): World {
  // Its own copy: the control API may switch factors on and off until the next reset.
  const config: EmulatorConfig = { ...configured, factors: new Set(configured.factors) };
  const users = new UserStore(config, clock.now);
  for (const seed of config.users) users.create(seed);
  return {
    config,
    clock,
    users,
    tokens: new TokenStore(clock.now),
    oob: new OobStore(),
    outbox: new Outbox(clock.now, config.log),
    limits: new RateLimiter(clock.now),
    faults: new Faults(),
    requests: new RequestLog(),
    tickets: new Map(),
    logins: new LoginStore(clock.now),
    meSessions: new Map(),
    meLimits: {},
    passkeys: new Map(),
  };
}
