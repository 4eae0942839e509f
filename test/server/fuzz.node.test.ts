/**
 * Seeded fuzzing of the proxy and of the emulator, over loopback, bounded (a fixed number of
 * requests): no 5xx, no stack trace or secret in any answer, every refusal typed, and no change to
 * any user's authenticators on a refused request. `FUZZ_SEED=n` repeats a run; failures name it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng, type Prng } from '../helpers/prng.js';
import { listenNode } from '../../src/server/index.js';
import { rawRequest } from '../helpers/raw-http.js';
import { APP_ORIGIN, BASE, harness } from './fixtures/harness.js';
import { M2M_CLIENT, WEB_CLIENT } from './fixtures/emulator-admin.js';

const SEED = Number(process.env.FUZZ_SEED ?? 19_2026);
const ROUNDS = 250;

const WORDS = ['authenticators', 'associate', 'challenge', 'verify', 'factors', 'ticket', '', '.', '..', '%', '%C0%AE', '%E0%A4%A',
  '%2F', '__proto__', 'constructor', 'toString', 'totp|dev_x', 'sms|dev_y', 'x'.repeat(300), '\u0000', 'é', '😀', ';', '?a=1'];
const KEYS = ['authenticator_types', 'oob_channels', 'phone_number', 'email', 'otp', 'oob_code', 'binding_code', 'recovery_code',
  'authenticator_id', 'challenge_type', 'factor', 'mfa_token', 'client_id', 'client_secret', 'grant_type', 'user_id', 'scope',
  'audience', 'username', 'password', '__proto__', 'constructor', 'toString'];
const GRANTS = ['password', 'http://auth0.com/oauth/grant-type/mfa-otp', 'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code', 'client_credentials', 'constructor', '__proto__', 'valueOf', ''];

function value(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 1 ? 7 : 9)) {
    case 0: return r.pick(['otp', 'oob', 'sms', 'voice', 'email', 'push', 'recovery-code', 'auth0', 'push-notification']);
    case 1: return r.pick(['', ' ', '123456', '+15555550123', 'a@b.c', 'null', '<script>alert(1)</script>', '\u202e', 'x'.repeat(5000)]);
    case 2: return r.pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.5]);
    case 3: return r.pick([true, false, null]);
    case 4: return r.pick(GRANTS);
    case 5: return `${r.pick(WORDS)}${r.int(1000)}`;
    case 6: return r.pick(['totp|dev_x', 'sms|dev_y', 'recovery-code|dev_z', 'email|dev_q']);
    case 7: return Array.from({ length: r.int(4) }, () => value(r, depth + 1));
    default: return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(KEYS), value(r, depth + 1)]));
  }
}

function body(r: Prng): { text?: string; type?: string } {
  if (r.chance(0.4)) return { text: JSON.stringify(plausible(r)), type: 'application/json' };
  const fields = Object.fromEntries(Array.from({ length: r.int(6) }, () => [r.pick(KEYS), value(r)]));
  switch (r.int(6)) {
    case 0: return {};
    case 1: return { text: JSON.stringify(fields), type: 'application/json' };
    case 2: return { text: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString(), type: 'application/x-www-form-urlencoded' };
    case 3: return { text: r.pick(['{', '[]', 'null', '"x"', '{"a":', '\u0000\u0001', '{"__proto__":{"admin":true}}']), type: r.pick(['application/json', 'text/plain']) };
    case 4: return { text: JSON.stringify(fields), type: r.pick(['text/plain', 'application/json; charset=utf-7', 'multipart/form-data']) };
    default: return { text: JSON.stringify(fields) };
  }
}

/** A body close to a real one, with one field bent. */
function plausible(r: Prng): Record<string, unknown> {
  const base = r.pick<Record<string, unknown>>([
    { authenticator_types: ['otp'] },
    { authenticator_types: ['oob'], oob_channels: [r.pick(['sms', 'voice', 'email', 'auth0'])], phone_number: '+15555550142', email: 'a@example.com' },
    { authenticator_id: r.pick(['totp|dev_x', 'sms|dev_y', 'email|dev_q']), challenge_type: r.pick(['otp', 'oob']) },
    { otp: r.pick(['123456', '000000', '12345', '1234567']) },
    { oob_code: 'x'.repeat(r.int(40)), binding_code: '123456' },
    { recovery_code: r.pick(['ABCDEFGHIJKLMNOPQRSTUVWX', 'abc']) },
    { factor: r.pick(['email', 'sms', 'push', 'otp', 'webauthn-roaming', 'constructor']) },
  ]);
  const key = r.pick([...Object.keys(base), r.pick(KEYS)]);
  return { ...base, [key]: value(r) };
}

/** What no answer may ever contain. */
function leaks(text: string, secrets: string[]): string | undefined {
  if (/\n\s+at \S+ \(|\bat (?:async )?\S+:\d+:\d+|node_modules|\/work\/|TypeError|ReferenceError|SyntaxError: /.test(text)) return 'a stack trace';
  return secrets.find((s) => s && text.includes(s));
}

/** A refusal: JSON with a string `error` (OAuth and proxy) or `errorCode` (Management), or the proxy's bare 404/405. */
function typed(status: number, type: string, text: string): boolean {
  if ((status === 404 || status === 405) && /^text\/plain/.test(type) && /^(Not Found|Method Not Allowed)$/.test(text)) return true;
  if (!/^application\/json/.test(type)) return false;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; errorCode?: unknown };
    return typeof parsed.error === 'string' || typeof parsed.errorCode === 'string';
  } catch {
    return false;
  }
}

/** The tokens each user's server-side session holds. */
function sessionTokens(h: Awaited<ReturnType<typeof harness>>, ...users: Array<{ cookie: string }>): string[] {
  return users
    .map((u) => h.sessions.get(new Request(APP_ORIGIN, { headers: { cookie: u.cookie } })))
    .flatMap((s) => [s?.mfaToken, s?.accessToken])
    .filter((x): x is string => !!x);
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`the proxy: ${ROUNDS} hostile requests`, async (t) => {
    const r = prng(SEED);
    const h = await harness(t);
    const proxy = h.proxy();
    const alice = await h.user({ tokens: 'both', seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550100' }] });
    const bob = await h.user({ seed: [{ factor: 'email', email: 'bob@example.com' }] });
    const snapshot = async () => JSON.stringify([await h.admin.authenticators(alice.id), await h.admin.authenticators(bob.id)]);
    const secrets = [WEB_CLIENT.clientSecret, M2M_CLIENT.clientSecret, ...sessionTokens(h, alice, bob)];
    let before = await snapshot();
    const ownIds = JSON.parse(before).flat().map((a: { id: string }) => a.id) as string[];
    const statuses = new Map<number, number>();
    for (let i = 0; i < ROUNDS; i++) {
      const ids = [...ownIds, ...WORDS];
      // Mostly the proxy's real routes (so validation and upstream calls are reached), sometimes anything.
      const [method, path] = r.chance(0.8)
        ? r.pick<[string, string]>([['GET', BASE], ['POST', BASE], ['GET', `${BASE}/authenticators`], ['POST', `${BASE}/associate`],
            ['POST', `${BASE}/challenge`], ['POST', `${BASE}/verify`], ['DELETE', `${BASE}/${encodeURIComponent(r.pick(ids))}`],
            ['DELETE', `${BASE}/authenticators/${encodeURIComponent(r.pick(ids))}`], ['DELETE', `${BASE}/authenticators/${r.pick(ids)}`]])
        : [r.pick(['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD']),
            `${r.chance(0.9) ? BASE : r.pick(['', '/api', '/api/auth/mfax'])}${Array.from({ length: r.int(3) }, () => `/${r.pick(WORDS)}`).join('')}`];
      const headers = new Headers();
      const user = r.pick([alice, alice, bob, undefined]);
      if (user) headers.set('cookie', r.chance(0.9) ? user.cookie : `${user.cookie}x`);
      if (r.chance(0.9)) headers.set('x-requested-with', r.chance(0.9) ? 'mfa-elements' : r.pick(['XMLHttpRequest', '', 'MFA-ELEMENTS']));
      if (r.chance(0.9)) headers.set('origin', r.chance(0.85) ? APP_ORIGIN : r.pick(['https://evil.example', 'null', `${APP_ORIGIN}.evil.example`]));
      if (r.chance(0.1)) headers.set('sec-fetch-site', r.pick(['cross-site', 'same-site', 'same-origin', 'none']));
      const { text, type } = method === 'GET' || method === 'HEAD' ? {} : body(r);
      if (type) headers.set('content-type', type);
      let request: Request;
      try {
        request = new Request(`${APP_ORIGIN}${path}`, { method, headers, body: text });
      } catch {
        continue; // not a request a client could send
      }
      const what = `seed ${SEED} #${i}: ${method} ${path} ${text?.slice(0, 200) ?? ''}`;
      const res = await proxy(request);
      const answer = method === 'HEAD' ? '' : await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      assert.ok(res.status < 500, `${what} → ${res.status} ${answer.slice(0, 300)}`);
      assert.equal(leaks(answer + [...res.headers].join('\n'), secrets), undefined, `${what} leaked`);
      if (res.status >= 400) {
        if (method !== 'HEAD') assert.ok(typed(res.status, res.headers.get('content-type') ?? '', answer), `${what} → untyped ${res.status} ${answer.slice(0, 200)}`);
        const after = await snapshot();
        assert.equal(after, before, `${what} → ${res.status} changed authenticators`);
      } else {
        before = await snapshot();
      }
    }
    assert.deepEqual(h.errors, [], 'nothing reached onError');
    t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  });

  it(`the emulator: ${ROUNDS} hostile requests`, async (t) => {
    const r = prng(SEED + 1);
    const h = await harness(t);
    const alice = await h.user({ tokens: 'both', seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550100' }] });
    const bob = await h.user({ seed: [{ factor: 'email', email: 'bob@example.com' }] });
    const m2m = await fetch(`${h.emulatorUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: M2M_CLIENT.clientId, client_secret: M2M_CLIENT.clientSecret, audience: `${h.emulatorUrl}/api/v2/` }),
    });
    const tokens = [...sessionTokens(h, alice, bob), ((await m2m.json()) as { access_token: string }).access_token];
    const snapshot = async () => JSON.stringify([await h.admin.authenticators(alice.id), await h.admin.authenticators(bob.id)]);
    let before = await snapshot();
    const ownIds = JSON.parse(before).flat().map((a: { id: string }) => a.id) as string[];
    const statuses = new Map<number, number>();
    for (let i = 0; i < ROUNDS; i++) {
      const users = `/api/v2/users/${encodeURIComponent(r.pick([alice.id, bob.id, r.pick(WORDS)]))}`;
      const [method, route] = r.chance(0.85)
        ? r.pick<[string, string]>([['POST', '/oauth/token'], ['POST', '/oauth/token'], ['POST', '/oauth/token'], ['POST', '/mfa/associate'],
            ['POST', '/mfa/challenge'], ['GET', '/mfa/authenticators'], ['DELETE', `/mfa/authenticators/${r.pick([...ownIds, ...WORDS])}`],
            ['GET', `${users}/authentication-methods`], ['DELETE', `${users}/authentication-methods/${r.pick([...ownIds, ...WORDS])}`],
            ['GET', '/api/v2/guardian/factors'], ['POST', '/api/v2/guardian/enrollments/ticket']])
        : [r.pick(['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'HEAD']), `/${r.pick(WORDS)}/${r.pick(WORDS)}`];
      const headers = new Headers();
      if (r.chance(0.6)) headers.set('authorization', r.pick([`Bearer ${r.pick(tokens)}`, 'Bearer x', 'Basic eDp5', 'Bearer', `bearer ${r.pick(tokens)}x`]));
      let { text, type } = method === 'GET' || method === 'HEAD' ? {} : body(r);
      if (route === '/oauth/token' && r.chance(0.7)) {
        text ??= '{}';
        type = 'application/json';
        const fields = (() => {
          try {
            return JSON.parse(text) as Record<string, unknown>;
          } catch {
            return undefined;
          }
        })();
        if (typeof fields === 'object' && fields && !Array.isArray(fields)) {
          Object.assign(fields, { grant_type: r.pick(GRANTS), client_id: r.pick(['demo-spa', 'demo-web', 'nope']), ...(r.chance(0.5) && { mfa_token: r.pick(tokens) }) });
          text = JSON.stringify(fields);
        }
      }
      if (type) headers.set('content-type', type);
      if (r.chance(0.3)) headers.set('origin', r.pick(['https://evil.example', 'http://localhost:5173', 'null']));
      const what = `seed ${SEED + 1} #${i}: ${method} ${route} ${text?.slice(0, 200) ?? ''}`;
      let res: Response;
      try {
        res = await fetch(`${h.emulatorUrl}${route}`, { method, headers, body: text });
      } catch (error) {
        if (error instanceof TypeError && /Request|URL|method/i.test(String(error.message))) continue;
        throw error;
      }
      const answer = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      assert.ok(res.status < 500, `${what} → ${res.status} ${answer.slice(0, 300)}`);
      assert.equal(leaks(answer, [M2M_CLIENT.clientSecret, WEB_CLIENT.clientSecret]), undefined, `${what} leaked`);
      if (res.status >= 400) {
        if (method !== 'HEAD') assert.ok(typed(res.status, res.headers.get('content-type') ?? '', answer), `${what} → untyped ${res.status} ${answer.slice(0, 200)}`);
        assert.equal(await snapshot(), before, `${what} → ${res.status} changed authenticators`);
      } else {
        before = await snapshot();
      }
    }
    t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  });

  it('the Node adapter (proxy and emulator): 120 raw requests with hostile request lines and Host headers', async (t) => {
    const r = prng(SEED + 2);
    const h = await harness(t);
    const proxy = await listenNode(h.proxy());
    t.after(() => proxy.close());
    for (let i = 0; i < 120; i++) {
      const url = r.chance(0.5) ? proxy.url : h.emulatorUrl;
      const method = r.pick(['GET', 'POST', 'DELETE', 'TRACE', 'TRACK', 'OPTIONS', 'HEAD', 'PATCH', 'PROPFIND', 'M-SEARCH', 'get']);
      const path = r.pick([`${BASE}/authenticators`, '/mfa/authenticators', '/oauth/token', `${BASE}/${r.pick(WORDS)}`, `/api/v2/users/${r.pick(WORDS)}`])
        .replace(/[^\x21-\x7e]/g, ''); // a request line carries no spaces, controls or raw UTF-8
      const host = r.pick(['127.0.0.1', 'a b', '[', '127.0.0.1:99999', '[::1', 'x:y:z', '', 'localhost:0', 'ex ample.com:80', `${'h'.repeat(300)}`]);
      const what = `seed ${SEED + 2} #${i}: ${method} ${path} Host: ${host} → ${url}`;
      const answer = await rawRequest(url, `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0`);
      // Node's parser may refuse before the handler runs (400 with no body): that is typed enough.
      assert.ok(answer.status > 0 && answer.status < 500, `${what} → ${answer.status} ${answer.raw.slice(0, 300)}`);
      assert.equal(leaks(answer.raw, [M2M_CLIENT.clientSecret, WEB_CLIENT.clientSecret]), undefined, `${what} leaked`);
    }
    assert.deepEqual(h.errors, [], 'nothing reached onError');
  });
});
