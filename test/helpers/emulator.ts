/**
 * A typed client for the emulator's control routes (`/__emulator/…`, docs/emulator.md) plus login
 * shortcuts. Every test makes its own user, so nothing is shared between tests.
 */
import { emulatorSignIn } from '../../src/emulator/client-helpers.js';
import type { FaultSpec, SeedAuthenticator, UserSettingsInput } from '../../src/emulator/index.js';
import { emulatorCall } from './emulator-call.js';
import { env } from './env.js';

export type { FaultSpec };

/** The emulator's public SPA client: no secret, MFA grants enabled. */
export const CLIENT_ID = 'demo-spa';

/** Per-user settings, as `POST /__emulator/users` takes them. */
export type UserSettings = UserSettingsInput;

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** An active enrollment to seed, as `POST /__emulator/users/:id/authenticators` takes it. */
export type SeedRequest = SeedAuthenticator;

export interface SeedResult {
  /** As the MFA API lists them (snake_case). */
  authenticators: Array<{ id: string; authenticator_type: string; oob_channel?: string; name?: string; active: boolean }>;
  secret?: string;
  recovery_code?: string;
}

export interface OutboxMessage {
  id: number;
  user_id: string;
  channel: 'sms' | 'voice' | 'email';
  to: string;
  code: string;
  text: string;
  at: number;
}

export interface PushTransaction {
  oob_code: string;
  user_id: string;
  kind: 'enroll' | 'challenge';
  created_at: number;
  expires_at: number;
  status: 'pending' | 'approved' | 'rejected';
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  error?: string;
}

export class EmulatorClient {
  readonly #faults = new Set<string>();

  constructor(readonly url: string = env.emulatorUrl) {}

  get mfaAudience(): string {
    return `${this.url}/mfa/`;
  }

  #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return emulatorCall<T>(this.url, method, path, body);
  }

  createUser(init: { email?: string; password?: string; emailVerified?: boolean; settings?: UserSettings } = {}): Promise<TestUser> {
    return this.#call('POST', '/__emulator/users', init);
  }

  /** Tokens minted without a login: an `mfa_token` and an MFA-audience access token by default. */
  async tokens(userId: string, audience?: string): Promise<{ mfaToken: string; accessToken: string }> {
    const body = await this.#call<{ mfa_token: string; access_token: string }>(
      'POST',
      `/__emulator/users/${encodeURIComponent(userId)}/tokens`,
      audience ? { audience } : {},
    );
    return { mfaToken: body.mfa_token, accessToken: body.access_token };
  }

  /** An active enrollment (and its twin), skipping the confirmation. */
  seed(userId: string, request: SeedRequest): Promise<SeedResult> {
    return this.#call('POST', `/__emulator/users/${encodeURIComponent(userId)}/authenticators`, request);
  }

  outbox(filter: { userId?: string; to?: string; channel?: OutboxMessage['channel'] } = {}): Promise<OutboxMessage[]> {
    const query = new URLSearchParams();
    if (filter.userId) query.set('user_id', filter.userId);
    if (filter.to) query.set('to', filter.to);
    if (filter.channel) query.set('channel', filter.channel);
    return this.#call('GET', `/__emulator/outbox?${query}`);
  }

  /** The code in the newest message to this user (and channel). */
  async lastCode(userId: string, channel?: OutboxMessage['channel']): Promise<string> {
    const messages = await this.outbox({ userId, channel });
    const last = messages.at(-1);
    if (!last) throw new Error(`no ${channel ?? ''} message for ${userId}`);
    return last.code;
  }

  pushes(userId: string): Promise<PushTransaction[]> {
    return this.#call('GET', `/__emulator/push?user_id=${encodeURIComponent(userId)}`);
  }

  /** Resolves once the user has a pending push, for tests that answer it while a poller runs. */
  async waitForPendingPush(userId: string, timeoutMs = 5_000): Promise<PushTransaction> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = (await this.pushes(userId)).find((p) => p.status === 'pending');
      if (pending) return pending;
      if (Date.now() > deadline) throw new Error(`no pending push for ${userId}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  approvePush(oobCode: string): Promise<{ ok: true }> {
    return this.#call('POST', `/__emulator/push/${encodeURIComponent(oobCode)}/approve`);
  }

  rejectPush(oobCode: string): Promise<{ ok: true }> {
    return this.#call('POST', `/__emulator/push/${encodeURIComponent(oobCode)}/reject`);
  }

  requests(userId: string): Promise<LoggedRequest[]> {
    return this.#call('GET', `/__emulator/requests?user_id=${encodeURIComponent(userId)}`);
  }

  /**
   * Resolves with the user's request log once `condition` holds for it, or fails naming `what`:
   * how tests wait for "the poller has polled twice" without sleeping.
   */
  async waitForRequests(userId: string, condition: (log: LoggedRequest[]) => boolean, what: string, timeoutMs = 10_000): Promise<LoggedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const log = await this.requests(userId);
      if (condition(log)) return log;
      if (Date.now() > deadline) throw new Error(`${what}: not seen in ${userId}'s request log within ${timeoutMs / 1000} s (${log.length} requests)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The emulator's clock (epoch ms). */
  async now(): Promise<number> {
    return (await this.#call<{ now: number }>('GET', '/__emulator/clock')).now;
  }

  /**
   * Resolves once the emulator's clock has passed `ms + seconds`: waits for a named moment (a per-user
   * ttl running out) rather than guessing a sleep. Not the clock-advance route: the browsers of a run
   * share one emulator, and moving its clock would expire other tests' short-lived transactions.
   */
  async waitForClockPast(ms: number, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.now()) <= ms) {
      if (Date.now() > deadline) throw new Error(`${what}: the emulator's clock did not pass ${new Date(ms).toISOString()} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async fault(spec: FaultSpec): Promise<string> {
    const { id } = await this.#call<{ id: string }>('POST', '/__emulator/faults', spec);
    this.#faults.add(id);
    return id;
  }

  /**
   * Removes the faults this page added, and only those: the browsers of one run share one
   * emulator, so clearing everything could remove another browser's fault mid-test.
   */
  async clearFaults(): Promise<void> {
    const ids = [...this.#faults];
    this.#faults.clear();
    await Promise.all(ids.map((id) => this.#call('DELETE', `/__emulator/faults/${encodeURIComponent(id)}`)));
  }

  /** The password grant: the tenant always answers 403 `mfa_required`; returns its `mfa_token`. */
  async login(user: TestUser, audience: string = this.mfaAudience): Promise<string> {
    const { status, body, mfaRequired } = await emulatorSignIn(this.url, {
      username: user.email,
      password: user.password,
      clientId: CLIENT_ID,
      audience,
    });
    if (!mfaRequired) throw new Error(`expected mfa_required, got ${status} ${JSON.stringify(body)}`);
    return mfaRequired.mfaToken;
  }

  /** A new user, nothing enrolled, logged in with the MFA audience: what an enrollment page starts with. */
  async freshUserWithMfaToken(settings?: UserSettings): Promise<{ user: TestUser; mfaToken: string }> {
    const user = await this.createUser({ settings });
    return { user, mfaToken: await this.login(user) };
  }

  /** A new user holding an MFA-audience access token (enroll, read and remove authenticators). */
  async freshUserWithAccessToken(settings?: UserSettings): Promise<{ user: TestUser; accessToken: string; mfaToken: string }> {
    const user = await this.createUser({ settings });
    return { user, ...(await this.tokens(user.id)) };
  }
}

export const emulator = new EmulatorClient();
