/**
 * The My Account routes of `createMfaProxy` (`{base}/me/…`) as a page meets them, word for word:
 * which paths and methods exist, the scope each route needs, the bodies the proxy rebuilds for
 * Auth0 (and what it refuses before Auth0), and what of Auth0's answer reaches the page. Against a
 * real emulator over HTTP; the proxy's own `fetch` option records what it sent upstream, and the
 * emulator's faults stand in for Auth0's odd answers.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { createMfaProxy, type ProxySession } from '../../src/server/proxy.js';
import { start } from '../emulator/helpers.js';

const APP = 'http://app.test';
const ALL_SCOPES = [
  'read:me:factors',
  'read:me:authentication_methods',
  'create:me:authentication_methods',
  'update:me:authentication_methods',
  'delete:me:authentication_methods',
];

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  contentType: string | null;
}

async function setup(t: TestContext, options: { basePath?: string; scope?: string } = {}) {
  const h = await start();
  t.after(() => h.close());
  const user = await h.user();
  const minted = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
  const session: ProxySession = {
    userId: user.id,
    myAccountToken: minted.body.access_token as string,
    ...(options.scope !== undefined && { myAccountScope: options.scope }),
  };
  const sent: Sent[] = [];
  /** Answers given instead of the emulator's, in order: JSON that is no object, which faults cannot send. */
  const bent: Response[] = [];
  const base = options.basePath ?? '/api/auth/mfa';
  const proxy = createMfaProxy({
    domain: h.url,
    clientId: 'demo-spa',
    basePath: base,
    getSession: () => session,
    rateLimit: false,
    fetch: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      sent.push({
        method: init.method ?? 'GET',
        path: new URL(input).pathname,
        ...(typeof init.body === 'string' && { body: JSON.parse(init.body) }),
        contentType: headers.get('content-type'),
      });
      return bent.shift() ?? fetch(input, init);
    },
  });
  /** What a same-origin page sends: Origin and the CSRF header on every state change. */
  const send = (method: string, path: string, body?: unknown) => {
    const headers = new Headers({ 'x-requested-with': 'mfa-elements' });
    if (method !== 'GET') headers.set('origin', APP);
    if (body !== undefined) headers.set('content-type', 'application/json');
    return proxy(new Request(`${APP}${base}/me${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
  };
  const read = async (res: Response) => [res.status, res.status === 204 ? null : await res.json()] as const;
  return { h, user, session, sent, bent, send, read, base };
}

const invalid = (description: string) => [400, { error: 'invalid_request', error_description: description }] as const;

describe('proxy /me: paths and methods', () => {
  it('answers 405 with the methods each route allows, 404 for paths it does not serve, 400 for an id that is not one', async (t) => {
    const { send, sent } = await setup(t);
    const allow = async (method: string, path: string) => {
      const res = await send(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      return `${res.status} ${res.headers.get('allow') ?? ''}`.trim();
    };
    assert.equal(await allow('POST', '/factors'), '405 GET');
    assert.equal(await allow('DELETE', '/authentication-methods'), '405 GET, POST');
    assert.equal(await allow('PUT', '/authentication-methods'), '405 GET, POST');
    assert.equal(await allow('GET', '/authentication-methods/totp%7Cdev_1/verify'), '405 POST');
    assert.equal(await allow('POST', '/authentication-methods/totp%7Cdev_1'), '405 GET, PATCH, DELETE');
    assert.equal(await allow('PUT', '/authentication-methods/totp%7Cdev_1'), '405 GET, PATCH, DELETE');
    for (const path of ['', '/', '/other', '/factors/x', '/authentication-methods/totp%7Cdev_1/other', '/authentication-methods/totp%7Cdev_1/verify/x']) {
      const res = await send('GET', path);
      assert.deepEqual([res.status, await res.text()], [404, 'Not Found'], path);
    }
    const bad = await send('GET', '/authentication-methods/not-an-id');
    assert.deepEqual(await [bad.status, await bad.json()], invalid('Not an authentication method id.'));
    assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), [], 'nothing reached Auth0');
  });

  it('sends each route to its /me/v1 path with its method, ids encoded', async (t) => {
    const { send, sent } = await setup(t);
    const id = 'totp|dev_1';
    await send('GET', '/factors');
    await send('GET', '/authentication-methods');
    await send('POST', '/authentication-methods', { type: 'totp' });
    await send('GET', `/authentication-methods/${encodeURIComponent(id)}`);
    await send('PATCH', `/authentication-methods/${encodeURIComponent(id)}`, { name: 'Mine' });
    await send('DELETE', `/authentication-methods/${encodeURIComponent(id)}`);
    await send('POST', `/authentication-methods/${encodeURIComponent(id)}/verify`, { auth_session: 's', otp_code: '123456' });
    assert.deepEqual(
      sent.map((s) => `${s.method} ${s.path} ${s.contentType ?? '-'}`),
      [
        'GET /me/v1/factors -',
        'GET /me/v1/authentication-methods -',
        'POST /me/v1/authentication-methods application/json',
        'GET /me/v1/authentication-methods/totp%7Cdev_1 -',
        'PATCH /me/v1/authentication-methods/totp%7Cdev_1 application/json',
        'DELETE /me/v1/authentication-methods/totp%7Cdev_1 -',
        'POST /me/v1/authentication-methods/totp%7Cdev_1/verify application/json',
      ],
    );
  });
});

describe('proxy /me: scopes', () => {
  it('refuses a route whose scope the session lacks, naming it, before Auth0; passes with every scope however they are spaced', async (t) => {
    const routes: [string, string, unknown, string][] = [
      ['GET', '/factors', undefined, 'read:me:factors'],
      ['GET', '/authentication-methods', undefined, 'read:me:authentication_methods'],
      ['GET', '/authentication-methods/totp%7Cdev_1', undefined, 'read:me:authentication_methods'],
      ['POST', '/authentication-methods', { type: 'totp' }, 'create:me:authentication_methods'],
      ['POST', '/authentication-methods/totp%7Cdev_1/verify', { auth_session: 's' }, 'create:me:authentication_methods'],
      ['PATCH', '/authentication-methods/totp%7Cdev_1', { name: 'x' }, 'update:me:authentication_methods'],
      ['DELETE', '/authentication-methods/totp%7Cdev_1', undefined, 'delete:me:authentication_methods'],
    ];
    for (const [method, path, body, needed] of routes) {
      const { send, sent, read } = await setup(t, { scope: ALL_SCOPES.filter((s) => s !== needed).join(' ') });
      assert.deepEqual(
        await read(await send(method, path, body)),
        [403, { error: 'insufficient_scope', error_description: `The session's token lacks ${needed}.` }],
        `${method} ${path}`,
      );
      assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), [], `${method} ${path}: nothing reached Auth0`);
    }
    const { send, sent } = await setup(t, { scope: `  ${ALL_SCOPES.join('  \n\t')} ` });
    for (const [method, path, body] of routes) assert.notEqual((await send(method, path, body)).status, 403, `${method} ${path}`);
    assert.equal(sent.length, routes.length);
  });

  it('without a My Account token: 401 invalid_token with its description', async (t) => {
    const { send, session, read, sent } = await setup(t);
    delete session.myAccountToken;
    assert.deepEqual(await read(await send('GET', '/factors')), [401, { error: 'invalid_token', error_description: 'The session holds no My Account token.' }]);
    assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), []);
  });
});

describe('proxy /me: the bodies rebuilt for Auth0', () => {
  it('create: a phone in canonical form with its channel, an email trimmed, any other type alone; nothing else is sent', async (t) => {
    const { send, sent, read } = await setup(t);
    const phone = await read(await send('POST', '/authentication-methods', { type: 'phone', phone_number: '+1 (415) 555-0100', preferred_authentication_method: 'voice', extra: 1 }));
    assert.equal(phone[0], 202);
    await send('POST', '/authentication-methods', { type: 'phone', phone_number: '+14155550101' });
    await send('POST', '/authentication-methods', { type: 'email', email: '  me@example.com ', name: 'x' });
    await send('POST', '/authentication-methods', { type: 'push-notification', phone_number: '+14155550102' });
    assert.deepEqual(
      sent.map((s) => s.body),
      [
        { type: 'phone', phone_number: '+14155550100', preferred_authentication_method: 'voice' },
        { type: 'phone', phone_number: '+14155550101' },
        { type: 'email', email: 'me@example.com' },
        { type: 'push-notification' },
      ],
    );
  });

  it('create: refuses a wrong type, phone or email with a message saying what is wrong', async (t) => {
    const { send, sent, read } = await setup(t);
    const post = async (body: unknown) => read(await send('POST', '/authentication-methods', body));
    const types = invalid('type must be one of totp, phone, email, push-notification, recovery-code, passkey.');
    assert.deepEqual(await post({ type: 'password' }), types);
    assert.deepEqual(await post({ type: 7 }), types);
    assert.deepEqual(await post({}), types);
    assert.deepEqual(await post({ type: 'phone' }), invalid('phone_number must be a string of 1 to 32 characters.'));
    assert.deepEqual(await post({ type: 'phone', phone_number: '' }), invalid('phone_number must be a string of 1 to 32 characters.'));
    assert.deepEqual(await post({ type: 'phone', phone_number: 14155550100 }), invalid('phone_number must be a string of 1 to 32 characters.'));
    assert.deepEqual(await post({ type: 'phone', phone_number: `+14155550100${' '.repeat(21)}` }), invalid('phone_number must be a string of 1 to 32 characters.'));
    assert.deepEqual(await post({ type: 'phone', phone_number: 'call me' }), invalid('phone_number must be E.164.'));
    assert.deepEqual(
      await post({ type: 'phone', phone_number: '+14155550100', preferred_authentication_method: 'email' }),
      invalid('preferred_authentication_method must be sms or voice.'),
    );
    assert.deepEqual(await post({ type: 'email' }), invalid('email must be a string of 1 to 254 characters.'));
    assert.deepEqual(await post({ type: 'email', email: 'not an address' }), invalid('email is not an email address.'));
    assert.deepEqual(await post({ type: 'email', email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com` }), invalid('email must be a string of 1 to 254 characters.'));
    assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), [], 'nothing reached Auth0');
    // At the limits: 32 characters of phone and 254 of email are read.
    await post({ type: 'phone', phone_number: `+14155550100${' '.repeat(20)}` });
    await post({ type: 'email', email: `${'a'.repeat(64)}@${'b'.repeat(185)}.com` });
    assert.deepEqual(sent.map((s) => s.body), [
      { type: 'phone', phone_number: '+14155550100' },
      { type: 'email', email: `${'a'.repeat(64)}@${'b'.repeat(185)}.com` },
    ]);
  });

  it('verify: auth_session always, otp_code of 4 to 10 digits, authn_response an object; nothing else', async (t) => {
    const { send, sent, read } = await setup(t);
    const post = async (body: unknown) => read(await send('POST', '/authentication-methods/totp%7Cdev_1/verify', body));
    assert.deepEqual(await post({}), invalid('auth_session must be a string of 1 to 2048 characters.'));
    assert.deepEqual(await post({ auth_session: 'x'.repeat(2049) }), invalid('auth_session must be a string of 1 to 2048 characters.'));
    for (const otp_code of ['123', '12345678901', '12a456', ' 123456']) {
      assert.deepEqual(await post({ auth_session: 's', otp_code }), invalid('otp_code must be digits.'), otp_code);
    }
    assert.deepEqual(await post({ auth_session: 's', otp_code: '1'.repeat(17) }), invalid('otp_code must be a string of 1 to 16 characters.'));
    assert.deepEqual(await post({ auth_session: 's', otp_code: 123456 }), invalid('otp_code must be a string of 1 to 16 characters.'));
    for (const authn_response of ['x', null, 1]) {
      assert.deepEqual(await post({ auth_session: 's', authn_response }), invalid('authn_response must be an object.'), String(authn_response));
    }
    assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), [], 'nothing reached Auth0');
    await post({ auth_session: 'x'.repeat(2048), otp_code: '1234', extra: true });
    await post({ auth_session: 's', otp_code: '1234567890' });
    await post({ auth_session: 's', authn_response: { id: 'cred' } });
    assert.deepEqual(sent.map((s) => s.body), [
      { auth_session: 'x'.repeat(2048), otp_code: '1234' },
      { auth_session: 's', otp_code: '1234567890' },
      { auth_session: 's', authn_response: { id: 'cred' } },
    ]);
  });

  it('update: a name of up to 100 characters and/or a channel, at least one of them', async (t) => {
    const { send, sent, read } = await setup(t);
    const patch = async (body: unknown) => read(await send('PATCH', '/authentication-methods/phone%7Cdev_1', body));
    assert.deepEqual(await patch({}), invalid('name or preferred_authentication_method is required.'));
    assert.deepEqual(await patch({ other: 'x' }), invalid('name or preferred_authentication_method is required.'));
    assert.deepEqual(await patch({ name: '' }), invalid('name must be a string of 1 to 100 characters.'));
    assert.deepEqual(await patch({ name: 'n'.repeat(101) }), invalid('name must be a string of 1 to 100 characters.'));
    assert.deepEqual(await patch({ preferred_authentication_method: 'push' }), invalid('preferred_authentication_method must be sms or voice.'));
    assert.deepEqual(sent.map((s) => `${s.method} ${s.path}`), []);
    await patch({ name: 'n'.repeat(100), other: 1 });
    await patch({ preferred_authentication_method: 'sms' });
    await patch({ name: 'Work', preferred_authentication_method: 'voice' });
    assert.deepEqual(sent.map((s) => s.body), [
      { name: 'n'.repeat(100) },
      { preferred_authentication_method: 'sms' },
      { name: 'Work', preferred_authentication_method: 'voice' },
    ]);
  });
});

describe('proxy /me: Auth0’s answers as the page reads them', () => {
  it('keeps the rate-limit headers and nothing else; Location names this proxy’s own path under basePath', async (t) => {
    const { h, send, base } = await setup(t, { basePath: '/auth/x' });
    await h.postJson('/__emulator/faults', {
      path: '/me/v1/authentication-methods',
      status: 202,
      body: { id: 'totp|dev_9', auth_session: 's' },
      headers: {
        location: 'https://tenant.example/me/v1/authentication-methods/totp%7Cdev_9',
        'retry-after': '3',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '9',
        'x-ratelimit-reset': '1767225600',
        'x-auth0-internal': 'secret',
      },
    });
    const res = await send('POST', '/authentication-methods', { type: 'totp' });
    assert.equal(res.status, 202);
    assert.deepEqual(
      ['location', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-auth0-internal', 'cache-control'].map((n) => res.headers.get(n)),
      [`${base}/me/authentication-methods/totp%7Cdev_9`, '3', '10', '9', '1767225600', null, 'no-store'],
    );
    assert.deepEqual(await res.json(), { id: 'totp|dev_9', auth_session: 's' });
  });

  it('drops a Location whose last segment is no authentication method id, or that cannot be read', async (t) => {
    const { h, send } = await setup(t);
    for (const location of ['https://tenant.example/me/v1/authentication-methods/', 'https://tenant.example/me/v1/x/not-an-id', '/%E0%A4%A', 'http://[bad']) {
      await h.postJson('/__emulator/faults', { path: '/me/v1/authentication-methods', status: 202, body: { id: 'x' }, headers: { location } });
      const res = await send('POST', '/authentication-methods', { type: 'totp' });
      assert.deepEqual([res.status, res.headers.get('location')], [202, null], location);
    }
    // A relative Location with an id is read too.
    await h.postJson('/__emulator/faults', { path: '/me/v1/authentication-methods', status: 202, body: { id: 'x' }, headers: { location: 'authentication-methods/email%7Cdev_2' } });
    assert.equal((await send('POST', '/authentication-methods', { type: 'totp' })).headers.get('location'), '/api/auth/mfa/me/authentication-methods/email%7Cdev_2');
    await h.postJson('/__emulator/faults', { path: '/me/v1/authentication-methods', status: 202, body: { id: 'x' }, headers: { location: 'https://tenant.example/me/v1/authentication-methods/phone%7Cdev_3/' } });
    assert.equal((await send('POST', '/authentication-methods', { type: 'totp' })).headers.get('location'), '/api/auth/mfa/me/authentication-methods/phone%7Cdev_3', 'a trailing slash');
  });

  it('a 204 is an empty no-store answer; a 5xx or an answer that is no object is a 502; an empty 200 is {}; a 4xx passes', async (t) => {
    const { h, send, read, bent } = await setup(t);
    const fault = (spec: Record<string, unknown>) => h.postJson('/__emulator/faults', { path: '/me/v1/', ...spec });
    const failed = [502, { error: 'server_error', error_description: 'The authorization server failed.' }] as const;

    await fault({ status: 204, body: 'empty' });
    const empty = await send('DELETE', '/authentication-methods/totp%7Cdev_1');
    assert.deepEqual([empty.status, await empty.text(), empty.headers.get('cache-control')], [204, '', 'no-store']);

    for (const status of [500, 503]) {
      await fault({ status, body: { error: 'server_error', error_description: 'Auth0 internals' } });
      assert.deepEqual(await read(await send('GET', '/factors')), failed, String(status));
    }
    for (const body of ['[]', '"text"', '7']) {
      bent.push(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      assert.deepEqual(await read(await send('GET', '/factors')), failed, body);
    }

    await fault({ status: 200, body: 'empty' });
    assert.deepEqual(await read(await send('GET', '/factors')), [200, {}]);
    await fault({ status: 499, body: { error: 'odd', error_description: 'Kept.' } });
    assert.deepEqual(await read(await send('GET', '/factors')), [499, { error: 'odd', error_description: 'Kept.' }]);
    // Without faults: the emulator's real list.
    const listed = await send('GET', '/authentication-methods');
    assert.deepEqual([await read(listed), listed.headers.get('location')], [[200, { authentication_methods: [] }], null], 'no Location from Auth0, none from the proxy');
  });
});
