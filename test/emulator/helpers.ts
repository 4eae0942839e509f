import { createEmulator, type EmulatorOptions, type UserSettingsInput } from '../../src/emulator/index.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

/** Test harness: one emulator per test on a free port, with a clock the test moves by hand. */

export const GRANT = 'http://auth0.com/oauth/grant-type/';

export interface Harness {
  url: string;
  emulator: ReturnType<typeof createEmulator>;
  /** Moves the emulator's clock forward. */
  advance(seconds: number): void;
  now(): number;
  logs: string[];
  close(): Promise<void>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<Response>;
  del(path: string, token?: string): Promise<Response>;
  /** POST and parse, asserting nothing. */
  postJson<T = any>(path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  getJson<T = any>(path: string, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  /** A fresh user through the control route. */
  user(input?: { email?: string; password?: string; emailVerified?: boolean; settings?: UserSettingsInput }): Promise<{ id: string; email: string; password: string }>;
  /** An `mfa_token` and an MFA-audience access token for the user. */
  tokens(userId: string, audience?: string): Promise<{ mfa_token: string; access_token: string }>;
  /** Seeds an active authenticator. */
  seed(userId: string, body: Record<string, unknown>): Promise<any>;
  /** The newest outbox code for a user. */
  lastCode(userId: string): Promise<string>;
  /** `/oauth/token` as demo-spa; `mfa-otp` and friends get Auth0's grant URI prefix. */
  grant(type: string, params: Record<string, unknown>): Promise<{ status: number; body: any; headers: Headers }>;
  managementToken(): Promise<string>;
}

import type { TestContext } from 'node:test';

/** Starts a harness that closes itself when the test ends. */
export async function emulatorFor(t: TestContext, options: EmulatorOptions = {}): Promise<Harness> {
  const h = await start(options);
  t.after(() => h.close());
  return h;
}

export async function start(options: EmulatorOptions = {}): Promise<Harness> {
  let time = Date.UTC(2026, 0, 1, 12, 0, 0);
  const logs: string[] = [];
  const emulator = createEmulator({ now: () => time, log: (line) => logs.push(line), signingKey: TEST_SIGNING_KEY, ...options });
  const server = await emulator.listen({ port: 0 });
  const { url } = server;
  const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const parse = async (response: Response) => ({
    status: response.status,
    headers: response.headers,
    body: response.status === 204 ? undefined : await response.json(),
  });
  const h: Harness = {
    url,
    emulator,
    logs,
    advance: (seconds) => {
      time += seconds * 1000;
    },
    now: () => time,
    close: () => server.close(),
    get: (path, token, headers = {}) => fetch(url + path, { headers: { ...auth(token), ...headers } }),
    post: (path, body, token, headers = {}) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    del: (path, token) => fetch(url + path, { method: 'DELETE', headers: auth(token) }),
    postJson: async (path, body, token) => parse(await h.post(path, body, token)),
    getJson: async (path, token) => parse(await h.get(path, token)),
    user: async (input = {}) => (await h.postJson('/__emulator/users', input)).body,
    tokens: async (userId, audience) =>
      (await h.postJson(`/__emulator/users/${encodeURIComponent(userId)}/tokens`, audience ? { audience } : {})).body,
    seed: async (userId, body) => (await h.postJson(`/__emulator/users/${encodeURIComponent(userId)}/authenticators`, body)).body,
    lastCode: async (userId) => {
      const messages = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(userId)}`)).body as { code: string }[];
      if (messages.length === 0) throw new Error('outbox is empty');
      return messages[messages.length - 1]!.code;
    },
    grant: (type, params) =>
      h.postJson('/oauth/token', { grant_type: type.startsWith('mfa-') ? GRANT + type : type, client_id: 'demo-spa', ...params }),
    managementToken: async () => {
      const { body } = await h.postJson('/oauth/token', {
        grant_type: 'client_credentials',
        client_id: 'demo-m2m',
        client_secret: 'demo-m2m-secret',
        audience: `${url}/api/v2/`,
      });
      return body.access_token as string;
    },
  };
  return h;
}
