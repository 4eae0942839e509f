/**
 * What the browser gets for each kind of answer from Auth0, and what the proxy asks of Auth0: the
 * error shapes passed through or hidden, the rate-limit headers kept, the Management token's cache,
 * a client that goes away mid-call. All against the real emulator, its faults standing in for Auth0's
 * bad days; a `fetch` wrapper (the proxy's own option) where an answer must be bent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../helpers/wait-node.js';
import { within } from '../helpers/within.js';
import { APP_ORIGIN, BASE, harness, methodsPath, readJson, send } from './fixtures/harness.js';

const isGrant = (c: { path: string; body?: string }) => c.path === '/oauth/token' && Boolean(c.body?.includes('client_credentials'));

describe('proxy: Auth0 answers as the browser sees them', () => {
  it('an Authentication API 429 keeps every rate-limit header and nothing else of Auth0’s', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({
      path: '/oauth/token',
      user_id: user.id,
      status: 429,
      body: { error: 'too_many_attempts', error_description: 7, internal: 'x' },
      headers: {
        'retry-after': '30',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1767225600',
        'x-auth0-internal': 'secret',
      },
    });
    const res = await send(h.proxy(), 'POST', `${BASE}/verify`, { user, json: { otp: '000000' } });
    assert.equal(res.status, 429);
    assert.deepEqual(
      ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-auth0-internal'].map((n) => res.headers.get(n)),
      ['30', '10', '0', '1767225600', null],
    );
    assert.deepEqual(await readJson(res), { error: 'too_many_attempts' }, 'a description that is not text is dropped, like any other field');
  });

  it('a 4xx with a usable error code passes with its status; without one (or a success code on an error path) it is a 502', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: '/mfa/authenticators', status: 400, body: { error: 'invalid_request', error_description: 'Bad.' } });
    const bad = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([bad.status, await readJson(bad)], [400, { error: 'invalid_request', error_description: 'Bad.' }]);
    await h.admin.fault({ path: '/mfa/authenticators', status: 499, body: { error: 'odd_but_fine' } });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 499);

    for (const [status, body] of [
      [400, { error: '' }],
      [400, { error: 42 }],
      [400, { message: 'no error field' }],
      [201, { error: 'created' }],
      [500, { error: 'server_error' }],
    ] as const) {
      await h.admin.fault({ path: '/mfa/authenticators', status, body });
      const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
      assert.deepEqual(
        [res.status, await readJson(res)],
        [502, { error: 'server_error', error_description: 'The authorization server failed.' }],
        `${status} ${JSON.stringify(body)}`,
      );
    }
  });

  it('a 503 without Retry-After is the proxy failing (502); with one, the wait reaches the browser', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: '/mfa/authenticators', status: 503, body: 'html' });
    const bare = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([bare.status, bare.headers.get('retry-after')], [502, null]);
    await h.admin.fault({ path: '/mfa/authenticators', status: 500, body: 'html', headers: { 'retry-after': '5' } });
    const five = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([five.status, five.headers.get('retry-after')], [502, null], 'only a 503 says "come back later"');
    assert.deepEqual(h.errors.map(String), ['Error: Auth0 answered 503', 'Error: Auth0 answered 500'], 'the operator learns who failed, and how');
    await h.admin.fault({ path: '/mfa/authenticators', status: 503, body: 'html', headers: { 'retry-after': '5' } });
    const later = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([later.status, later.headers.get('retry-after')], [503, '5']);
    assert.deepEqual(await readJson(later), { error: 'server_error', error_description: 'The authorization server failed.' });
  });

  it('a chained mfa_required: the token reaches the body only with exposeTokens; odd requirements are dropped', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({ exposeTokens: true });
    /** A verify whose answer is `body` (a fresh user each time: the chained token replaces the session's). */
    const verifyAnswering = async (body: Record<string, unknown>) => {
      const user = await h.user({ seed: [{ factor: 'otp' }] });
      await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 403, body });
      return readJson(await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } }));
    };

    assert.deepEqual(await verifyAnswering({ error: 'mfa_required', mfa_token: 'CHAINED', mfa_requirements: { challenge: [{ type: 'otp' }] } }), {
      error: 'mfa_required',
      mfa_requirements: { challenge: [{ type: 'otp' }] },
      mfa_token: 'CHAINED',
    });
    assert.deepEqual(h.tokens, [{ mfaToken: 'CHAINED' }]);

    assert.deepEqual(await verifyAnswering({ error: 'mfa_required', mfa_token: 17, mfa_requirements: 'phone' }), { error: 'mfa_required' });
    assert.equal(h.tokens.length, 1, 'a token that is not text is not stored');

    // mfa_requirements and mfa_token mean something only with mfa_required.
    assert.deepEqual(await verifyAnswering({ error: 'invalid_grant', mfa_token: 'NOT-CHAINED', mfa_requirements: { challenge: [] } }), {
      error: 'invalid_grant',
    });
    assert.equal(h.tokens.length, 1);
  });

  it('Management API errors: a 429 keeps its wait (a default message when Auth0 gives none); 400/404 keep errorCode and message', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const path = methodsPath(user.id);
    const cases: Array<[number, Record<string, unknown>, number, unknown]> = [
      [429, { statusCode: 429 }, 429, { error: 'too_many_requests', error_description: 'Too many requests.' }],
      [429, { message: 17 }, 429, { error: 'too_many_requests', error_description: 'Too many requests.' }],
      [404, { statusCode: 404, message: 'The user does not exist.', errorCode: 'inexistent_user' }, 404, { error: 'inexistent_user', error_description: 'The user does not exist.' }],
      [404, { statusCode: 404, errorCode: 3 }, 404, { error: 'not_found' }],
      [400, { statusCode: 400, message: 'Payload validation error.' }, 400, { error: 'invalid_request', error_description: 'Payload validation error.' }],
      [400, { statusCode: 400, errorCode: 'invalid_body', message: 5 }, 400, { error: 'invalid_body' }],
      [403, { statusCode: 403, message: 'Insufficient scope', errorCode: 'insufficient_scope' }, 502, { error: 'server_error', error_description: 'The authorization server failed.' }],
      [409, { statusCode: 409, message: 'Conflict', errorCode: 'conflict' }, 502, { error: 'server_error', error_description: 'The authorization server failed.' }],
    ];
    const reports = () => h.errors.map(String);
    for (const [status, body, expected, answer] of cases) {
      await h.admin.fault({ path, status, body, headers: { 'retry-after': '8', 'x-ratelimit-reset': '99' } });
      const res = await send(proxy, 'GET', BASE, { user });
      const label = `${status} ${JSON.stringify(body)}`;
      assert.deepEqual([res.status, await readJson(res)], [expected, answer], label);
      assert.deepEqual(
        [res.headers.get('retry-after'), res.headers.get('x-ratelimit-reset')],
        status === 429 ? ['8', '99'] : [null, null],
        `${label}: rate-limit headers pass with a 429 only`,
      );
    }
    assert.deepEqual(reports(), ['Error: Management API answered 403', 'Error: Management API answered 409'], 'only the 502s are reported');
  });

  it('a Management answer outside 2xx is never taken as a success, a 300 included', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'access', seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: `/api/v2/users/${encodeURIComponent(user.id)}/recovery-code-regeneration`, status: 300, body: { recovery_code: 'ABCDEFGHJKLMNPQRSTUVWXYZ' } });
    const res = await send(h.proxy(), 'POST', `${BASE}/recovery-code`, { user, json: {} });
    assert.deepEqual([res.status, (await readJson(res)).error], [502, 'server_error'], 'no recovery code taken from a 300');
  });

  it('a Management 401 drops the cached token and retries once with a new one', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    assert.equal((await send(proxy, 'GET', BASE, { user })).status, 200);
    assert.equal(h.upstream.filter(isGrant).length, 1);
    await h.admin.fault({ path: methodsPath(user.id), status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Expired token' } });
    const res = await send(proxy, 'GET', BASE, { user });
    assert.equal(res.status, 200, 'the retry with a fresh token succeeded');
    assert.equal(h.upstream.filter(isGrant).length, 2);
    const tries = h.upstream.filter((c) => c.path === methodsPath(user.id));
    assert.equal(tries.length, 3);
    assert.notEqual(tries[2]!.authorization, tries[1]!.authorization, 'the retry carried the new token');

    await h.admin.fault({ path: methodsPath(user.id), status: 401, times: 2, body: { statusCode: 401, error: 'Unauthorized' } });
    const twice = await send(proxy, 'GET', BASE, { user });
    assert.equal(twice.status, 502, 'a second 401 is the proxy’s credentials failing, not retried again');
    assert.equal(h.upstream.filter((c) => c.path === methodsPath(user.id)).length, 5);
  });

  it('the Management token is reused until a minute before it expires (a tenth of a short lifetime)', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    /** The emulator's own grant, its expires_in replaced (`undefined` keeps it: a day). */
    const proxyWithLifetime = (expiresIn: unknown, clock: { now: number }) =>
      h.proxy({
        now: () => clock.now,
        rateLimit: false,
        fetch: async (input, init) => {
          h.upstream.push({ method: init?.method ?? 'GET', path: new URL(input).pathname, ...(typeof init?.body === 'string' && { body: init.body }) });
          const res = await fetch(input, init);
          if (expiresIn === undefined || !String(init?.body ?? '').includes('client_credentials')) return res;
          const body = await res.json();
          return Response.json({ ...body, expires_in: expiresIn }, { status: res.status });
        },
      });
    const grantsAfter = async (proxy: (r: Request) => Promise<Response>) => {
      const res = await send(proxy, 'GET', BASE, { user });
      assert.equal(res.status, 200);
      return h.upstream.filter(isGrant).length;
    };
    for (const [expiresIn, reusedForMs] of [
      [undefined, (86_400 - 60) * 1000],
      [100, 90_000],
      [0, 54_000],
      [-5, 54_000],
      ['3600', 54_000],
    ] as const) {
      h.upstream.length = 0;
      const clock = { now: Date.UTC(2026, 0, 1) };
      const proxy = proxyWithLifetime(expiresIn, clock);
      assert.equal(await grantsAfter(proxy), 1);
      clock.now += reusedForMs - 1;
      assert.equal(await grantsAfter(proxy), 1, `expires_in ${expiresIn}: still reused 1 ms before renewal`);
      clock.now += 1;
      assert.equal(await grantsAfter(proxy), 2, `expires_in ${expiresIn}: renewed ${reusedForMs} ms after the grant`);
      assert.equal(await grantsAfter(proxy), 2, 'and the new one is reused in turn');
    }
  });

  it('a token answer without an access_token is a 502 for the user and a report for the operator', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    for (const [status, body] of [
      [200, { expires_in: 60 }],
      [200, { access_token: 5 }],
      [200, ['not', 'an', 'object']],
      [201, { access_token: 'looks-fine', expires_in: 60 }],
    ] as const) {
      const proxy = h.proxy({
        fetch: async (input, init) =>
          String(init?.body ?? '').includes('client_credentials') ? Response.json(body, { status }) : fetch(input, init),
      });
      const before = h.errors.length;
      const res = await send(proxy, 'GET', BASE, { user });
      assert.equal(res.status, 502, JSON.stringify(body));
      assert.equal(h.errors.length, before + 1);
      assert.equal(String(h.errors.at(-1)), `Error: Management token request answered ${status}`);
    }
  });

  it('asks Auth0 for JSON, sends JSON or a form as the call needs, and the session token as a Bearer', async (t) => {
    const h = await harness(t);
    const seen: Array<{ path: string; headers: Headers; body: unknown }> = [];
    const proxy = h.proxy({
      fetch: (input, init) => {
        seen.push({ path: new URL(input).pathname, headers: new Headers(init?.headers), body: init?.body });
        return fetch(input, init);
      },
    });
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 200);
    assert.equal((await send(proxy, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id, challenge_type: 'oob' } })).status, 200);
    assert.equal((await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '000000' } })).status, 403);
    // The list also reads the user's WebAuthn and Duo methods, after a Management grant: not the verify.
    const ownGrant = (c: { body: unknown }) => !String(c.body).includes('client_credentials');
    const [list, challenge, verify] = ['/mfa/authenticators', '/mfa/challenge', '/oauth/token'].map((path) => seen.find((c) => c.path === path && ownGrant(c))!);
    for (const c of seen) assert.equal(c.headers.get('accept'), 'application/json', c.path);
    assert.deepEqual([list!.headers.get('content-type'), list!.body], [null, undefined], 'a GET has no body');
    assert.match(list!.headers.get('authorization') ?? '', /^Bearer \S+$/);
    assert.equal(challenge!.headers.get('content-type'), 'application/json');
    assert.equal(JSON.parse(String(challenge!.body)).authenticator_id, sms.id);
    assert.equal(challenge!.headers.get('authorization'), null, 'the challenge carries its token in the body');
    assert.equal(verify!.headers.get('content-type'), 'application/x-www-form-urlencoded');
    assert.equal(new URLSearchParams(String(verify!.body)).get('otp'), '000000');
  });

  it('the Management grant is a form with the tenant audience, or the configured one', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const forms: URLSearchParams[] = [];
    const types: Array<string | null> = [];
    const spy = (input: string, init?: RequestInit) => {
      if (String(init?.body ?? '').includes('client_credentials')) {
        forms.push(new URLSearchParams(String(init!.body)));
        types.push(new Headers(init!.headers).get('content-type'));
      }
      return fetch(input, init);
    };
    assert.equal((await send(h.proxy({ fetch: spy }), 'GET', BASE, { user })).status, 200);
    assert.deepEqual(Object.fromEntries(forms[0]!), {
      grant_type: 'client_credentials',
      client_id: 'demo-m2m',
      client_secret: 'demo-m2m-secret',
      audience: `${h.emulatorUrl}/api/v2/`,
    });
    assert.equal(types[0], 'application/x-www-form-urlencoded');
    await send(h.proxy({ fetch: spy, management: { clientId: 'demo-m2m', clientSecret: 'demo-m2m-secret', audience: 'https://tenant.example/api/v2/' } }), 'GET', BASE, { user });
    assert.equal(forms[1]!.get('audience'), 'https://tenant.example/api/v2/');
  });

  it('a client that goes away mid-call: the upstream call is cut, nothing is reported; a timeout is reported', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    /** An Auth0 that never answers /mfa/authenticators: only an abort ends the call, as with fetch. */
    const held: AbortSignal[] = [];
    const holding = (input: string, init?: RequestInit): Promise<Response> => {
      if (!input.endsWith('/mfa/authenticators')) return fetch(input, init);
      const signal = init!.signal!;
      held.push(signal);
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    };
    const proxy = h.proxy({ timeoutMs: 60_000, fetch: holding });
    const headers = { cookie: user.cookie, 'x-requested-with': 'mfa-elements' };
    const controller = new AbortController();
    const answer = proxy(new Request(`${APP_ORIGIN}${BASE}/authenticators`, { headers, signal: controller.signal }));
    await waitFor(() => held.length === 1, 'the proxy called /mfa/authenticators');
    controller.abort();
    const res = await within(answer, 'the proxy answering once its client left', 5_000);
    assert.deepEqual([res.status, (await readJson(res)).error], [502, 'server_error']);
    assert.deepEqual(h.errors, [], 'the client leaving is not Auth0 failing');

    // Already gone before the call: the call starts aborted (fetch sends nothing then).
    const gone = new AbortController();
    gone.abort();
    const early = await within(proxy(new Request(`${APP_ORIGIN}${BASE}/authenticators`, { headers, signal: gone.signal })), 'the proxy answering a client already gone', 5_000);
    assert.equal(early.status, 502);
    assert.equal(held[1]!.aborted, true);
    assert.deepEqual(h.errors, []);

    const slow = h.proxy({ timeoutMs: 50, fetch: holding });
    const timedOut = await within(send(slow, 'GET', `${BASE}/authenticators`, { user }), 'the 50 ms timeout', 5_000);
    assert.deepEqual([timedOut.status, await readJson(timedOut)], [504, { error: 'server_error', error_description: 'The authorization server did not answer in time.' }]);
    assert.equal(h.errors.length, 1);
    assert.equal((h.errors[0] as Error).name, 'UpstreamFailure');
    assert.equal((h.errors[0] as Error).message, 'upstream timed out');
  });

  it('an unreachable Auth0 is a 502 reported as a network failure, its cause kept for the operator', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const res = await send(h.proxy({ domain: 'http://127.0.0.1:9' }), 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([res.status, await readJson(res)], [502, { error: 'server_error', error_description: 'The authorization server failed.' }]);
    const [report] = h.errors as Error[];
    assert.equal(report!.name, 'UpstreamFailure');
    assert.equal(report!.message, 'upstream unreachable');
    assert.ok(report!.cause instanceof Error, 'the fetch failure is kept as the cause');
  });
});
