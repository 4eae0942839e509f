import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';
import { attest, newCredential } from './soft-authenticator.js';

const ORIGIN = 'http://127.0.0.1:8000';

async function start(h: Harness, origin = ORIGIN) {
  const user = await h.user();
  const token = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {})).body.access_token as string;
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${h.url}/me/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin },
      body: JSON.stringify(body),
    });
    return { status: r.status, headers: r.headers, body: await r.json() };
  };
  const challenge = await post('/authentication-methods', { type: 'passkey' });
  return { user, token, post, challenge };
}

test('passkey: 202 with creation options for the page host, a real "none" attestation verifies (201) and lists as a passkey', async (t) => {
  const h = await emulatorFor(t);
  const { user, token, post, challenge } = await start(h);
  assert.equal(challenge.status, 202);
  assert.equal(challenge.body.id, undefined);
  assert.ok(challenge.headers.get('location')?.endsWith('/authentication-methods/passkey%7Cnew'));
  const options = challenge.body.authn_params_public_key;
  assert.equal(options.rp.id, '127.0.0.1');
  assert.equal(options.user.name, user.email);
  const credential = attest({ challenge: options.challenge, rpId: '127.0.0.1', origin: ORIGIN });
  const verified = await post('/authentication-methods/passkey%7Cnew/verify', { auth_session: challenge.body.auth_session, authn_response: credential });
  assert.equal(verified.status, 201, JSON.stringify(verified.body));
  assert.match(verified.body.id, /^passkey\|dev_/);
  assert.equal(verified.body.key_id, credential.id);
  assert.equal(verified.body.credential_device_type, 'single_device');
  assert.equal(verified.body.relying_party_id, '127.0.0.1');
  const list = await fetch(`${h.url}/me/v1/authentication-methods?type=passkey`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  assert.deepEqual(list.authentication_methods.map((m: any) => m.id), [verified.body.id]);
});

test('passkey: "packed" self-attestation verifies; its signature over tampered client data is refused', async (t) => {
  const h = await emulatorFor(t);
  const { post, challenge } = await start(h);
  const good = attest({ challenge: challenge.body.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN, fmt: 'packed' });
  const tampered = structuredClone(good);
  const clientData = JSON.parse(Buffer.from(good.response.clientDataJSON, 'base64url').toString());
  tampered.response.clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, crossOrigin: true, extra: 1 })).toString('base64url');
  const refused = await post('/authentication-methods/passkey%7Cnew/verify', { auth_session: challenge.body.auth_session, authn_response: tampered });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.status, 400);
  assert.match(refused.body.detail, /signature/i);

  const again = await post('/authentication-methods', { type: 'passkey' });
  const packed = attest({ challenge: again.body.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN, fmt: 'packed' });
  const verified = await post('/authentication-methods/passkey%7Cnew/verify', { auth_session: again.body.auth_session, authn_response: packed });
  assert.equal(verified.status, 201, JSON.stringify(verified.body));
});

test('passkey: replay, wrong challenge, wrong origin, wrong RP ID and an expired session are 400 problem details', async (t) => {
  const h = await emulatorFor(t);
  const { post, challenge } = await start(h);
  const options = challenge.body.authn_params_public_key;
  const verify = (session: string, response: unknown) => post('/authentication-methods/passkey%7Cnew/verify', { auth_session: session, authn_response: response });
  const fresh = async () => (await post('/authentication-methods', { type: 'passkey' })).body;

  const first = await fresh();
  const wrongChallenge = await verify(first.auth_session, attest({ challenge: options.challenge, rpId: '127.0.0.1', origin: ORIGIN }));
  assert.equal(wrongChallenge.status, 400);
  assert.match(wrongChallenge.body.detail, /challenge/i);

  const second = await fresh();
  const wrongOrigin = await verify(second.auth_session, attest({ challenge: second.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: 'http://evil.example' }));
  assert.equal(wrongOrigin.status, 400);
  assert.match(wrongOrigin.body.detail, /origin/i);

  const third = await fresh();
  const wrongRp = await verify(third.auth_session, attest({ challenge: third.authn_params_public_key.challenge, rpId: 'localhost', origin: ORIGIN }));
  assert.equal(wrongRp.status, 400);
  assert.match(wrongRp.body.detail, /RP ID/i);

  const credential = newCredential();
  const ok = attest({ challenge: options.challenge, rpId: '127.0.0.1', origin: ORIGIN, credential });
  assert.equal((await verify(challenge.body.auth_session, ok)).status, 201);
  const replayed = await verify(challenge.body.auth_session, ok);
  assert.equal(replayed.status, 400, 'the auth_session is single use');
  const fourth = await fresh();
  const sameCredential = await verify(fourth.auth_session, attest({ challenge: fourth.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN, credential }));
  assert.equal(sameCredential.status, 400, 'a registered credential is refused');
  assert.deepEqual(fourth.authn_params_public_key.excludeCredentials.map((c: any) => c.id), [credential.id.toString('base64url')]);

  const fifth = await fresh();
  h.advance(5 * 60 + 1);
  const late = await verify(fifth.auth_session, attest({ challenge: fifth.authn_params_public_key.challenge, rpId: '127.0.0.1', origin: ORIGIN }));
  assert.equal(late.status, 400);
  assert.equal(late.headers.get('content-type'), 'application/problem+json');
});

test('passkey: configured RP ID and origins are what the emulator expects', async (t) => {
  const h = await emulatorFor(t, { webauthn: { rpId: 'localhost', origins: ['http://localhost:9000'] } });
  const { post, challenge } = await start(h);
  const options = challenge.body.authn_params_public_key;
  assert.equal(options.rp.id, 'localhost');
  const onPage = attest({ challenge: options.challenge, rpId: 'localhost', origin: ORIGIN });
  assert.equal((await post('/authentication-methods/passkey%7Cnew/verify', { auth_session: challenge.body.auth_session, authn_response: onPage })).status, 400);
  const next = (await post('/authentication-methods', { type: 'passkey' })).body;
  const allowed = attest({ challenge: next.authn_params_public_key.challenge, rpId: 'localhost', origin: 'http://localhost:9000' });
  assert.equal((await post('/authentication-methods/passkey%7Cnew/verify', { auth_session: next.auth_session, authn_response: allowed })).status, 201);
});
