import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';
import { attest } from './soft-authenticator.js';

// A passkey after its enrollment, through My Account as a page manages it: read by id, renamed,
// removed; where its verify answer points; which calls count as writes; and a passkey session used
// on another path or by another user.

const ORIGIN = 'http://127.0.0.1:8000';

async function account(h: Harness) {
  const user = await h.user();
  const token = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {})).body.access_token as string;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${h.url}/me/v1${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), authorization: `Bearer ${token}`, origin: ORIGIN, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, headers: r.headers, body: r.status === 204 ? undefined : await r.json() };
  };
  const begin = async () => (await send('POST', '/authentication-methods', { type: 'passkey' })).body;
  const enroll = async (headers: Record<string, string> = {}) => {
    const { auth_session, authn_params_public_key } = await begin();
    const authn_response = attest({ challenge: authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN });
    return send('POST', '/authentication-methods/passkey%7Cnew/verify', { auth_session, authn_response }, headers);
  };
  return { user, send, begin, enroll };
}

const path = (id: string) => `/authentication-methods/${encodeURIComponent(id)}`;

test('a passkey is read by id, renamed, and removed; its verify answer points at its own id', async (t) => {
  const h = await emulatorFor(t);
  const { user, send, enroll } = await account(h);
  const verified = await enroll({ 'user-agent': 'Mozilla/5.0 (Emulated)' });
  assert.equal(verified.status, 201);
  const { id } = verified.body;
  assert.equal(verified.headers.get('location'), `${h.url}/me/v1${path(id)}`);
  assert.equal(verified.body.user_agent, 'Mozilla/5.0 (Emulated)');
  assert.equal(verified.body.identity_user_id, user.id);
  assert.deepEqual(verified.body.usage, ['primary']);

  const one = await send('GET', path(id));
  assert.equal(one.status, 200);
  assert.deepEqual(one.body, verified.body);

  const renamed = await send('PATCH', path(id), { name: 'Laptop' });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.name, 'Laptop');
  assert.equal((await send('GET', path(id))).body.name, 'Laptop');
  assert.equal((await send('PATCH', path(id), {})).body.name, 'Laptop', 'a PATCH without a name keeps it');
  const preferred = await send('PATCH', path(id), { preferred_authentication_method: 'sms' });
  assert.deepEqual([preferred.status, preferred.body.detail], [400, 'preferred_authentication_method applies to phone methods only.']);
  const unknown = await send('PATCH', path(id), { name: 'x', transports: [] });
  assert.deepEqual([unknown.status, unknown.body.detail], [400, 'Unknown field: transports.']);

  const removed = await send('DELETE', path(id));
  assert.equal(removed.status, 204);
  assert.deepEqual((await send('GET', '/authentication-methods?type=passkey')).body.authentication_methods, []);
  const gone = await send('GET', path(id));
  assert.deepEqual([gone.status, gone.body.detail], [404, 'The authentication method does not exist.']);
});

test('removing one passkey keeps the others', async (t) => {
  const h = await emulatorFor(t);
  const { send, enroll } = await account(h);
  const first = (await enroll()).body.id;
  const second = (await enroll()).body.id;
  const third = (await enroll()).body.id;
  assert.equal((await send('DELETE', path(second))).status, 204);
  const ids = (await send('GET', '/authentication-methods?type=passkey')).body.authentication_methods.map((m: any) => m.id);
  assert.deepEqual(ids, [first, third]);
});

test('a passkey session is good only on passkey|new and only for its user', async (t) => {
  const h = await emulatorFor(t);
  const ann = await account(h);
  const bob = await account(h);
  const { auth_session, authn_params_public_key } = await ann.begin();
  const authn_response = attest({ challenge: authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN });
  const invalid = [400, 'The auth_session is invalid or has expired.'];
  const elsewhere = await ann.send('POST', `${path('totp|dev_x')}/verify`, { auth_session, authn_response });
  assert.deepEqual([elsewhere.status, elsewhere.body.detail], invalid);
  const byBob = await bob.send('POST', '/authentication-methods/passkey%7Cnew/verify', { auth_session, authn_response });
  assert.deepEqual([byBob.status, byBob.body.detail], invalid);
  const ok = await ann.send('POST', '/authentication-methods/passkey%7Cnew/verify', { auth_session, authn_response });
  assert.equal(ok.status, 201, 'neither try spent the session');
});

test('passkey calls count as writes: begin, verify, PATCH and DELETE each take one', async (t) => {
  const h = await emulatorFor(t);
  const { send } = await account(h);
  await h.postJson('/__emulator/my-account/limits', { writes: 1 });
  const started = await send('POST', '/authentication-methods', { type: 'passkey' });
  assert.equal(started.headers.get('x-ratelimit-remaining'), '0');
  assert.equal((await send('POST', '/authentication-methods', { type: 'passkey' })).status, 429, 'begin counted');
  h.advance(60);
  const authn_response = attest({ challenge: started.body.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN });
  const verified = await send('POST', '/authentication-methods/passkey%7Cnew/verify', { auth_session: started.body.auth_session, authn_response });
  assert.equal(verified.headers.get('x-ratelimit-remaining'), '0');
  h.advance(60);
  const id = verified.body.id;
  assert.equal((await send('PATCH', path(id), { name: 'A' })).headers.get('x-ratelimit-remaining'), '0');
  assert.equal((await send('DELETE', path(id))).status, 429, 'PATCH counted');
  h.advance(60);
  const removed = await send('DELETE', path(id));
  assert.equal(removed.status, 204);
  assert.equal(removed.headers.get('x-ratelimit-remaining'), '0');
});
