/**
 * `emulatorSignIn` (src/emulator/client-helpers.ts), the password grant as demos and tests send it:
 * the form it posts (read by a recording server) and how it reads the emulator's answers.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test, type TestContext } from 'node:test';
import { emulatorSignIn } from '../../src/emulator/client-helpers.js';
import { emulatorFor } from './helpers.js';

/** A server that records each request's form and answers with the given status and text. */
async function recorder(t: TestContext, status: number, text: string) {
  const seen: { type: string | undefined; path: string | undefined; form: Record<string, string> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ type: req.headers['content-type'], path: req.url, form: Object.fromEntries(new URLSearchParams(body)) });
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen };
}

test('the form: password grant to /oauth/token, the MFA API audience and openid profile email unless told, a secret only when given', async (t) => {
  const r = await recorder(t, 400, '{"error":"x"}');
  await emulatorSignIn(r.url, { username: 'a@x.test', password: 'pw', clientId: 'demo-spa' });
  await emulatorSignIn(r.url, { username: 'a@x.test', password: 'pw', clientId: 'demo-web', clientSecret: 's', audience: 'https://api/', scope: 'openid' });
  assert.deepEqual(r.seen, [
    {
      type: 'application/x-www-form-urlencoded',
      path: '/oauth/token',
      form: { grant_type: 'password', username: 'a@x.test', password: 'pw', client_id: 'demo-spa', audience: `${r.url}/mfa/`, scope: 'openid profile email' },
    },
    {
      type: 'application/x-www-form-urlencoded',
      path: '/oauth/token',
      form: { grant_type: 'password', username: 'a@x.test', password: 'pw', client_id: 'demo-web', client_secret: 's', audience: 'https://api/', scope: 'openid' },
    },
  ]);
});

test('answers that are not a JSON object come back as an empty body; a 403 without an mfa_token is no mfaRequired', async (t) => {
  for (const [status, text] of [[200, '[1,2]'], [200, 'null'], [502, '<html>'], [200, '"text"']] as const) {
    const r = await recorder(t, status, text);
    assert.deepEqual(await emulatorSignIn(r.url, { username: 'u', password: 'p', clientId: 'c' }), { status, body: {} }, text);
  }
  for (const body of [{ error: 'mfa_required' }, { error: 'mfa_required', mfa_token: '' }, { error: 'mfa_required', mfa_token: 5 }, { error: 'other', mfa_token: 't' }]) {
    const r = await recorder(t, 403, JSON.stringify(body));
    assert.deepEqual(await emulatorSignIn(r.url, { username: 'u', password: 'p', clientId: 'c' }), { status: 403, body }, JSON.stringify(body));
  }
  const r = await recorder(t, 401, JSON.stringify({ error: 'mfa_required', mfa_token: 't' }));
  assert.equal((await emulatorSignIn(r.url, { username: 'u', password: 'p', clientId: 'c' })).mfaRequired, undefined, 'only a 403 asks for MFA');
  const bare = await recorder(t, 403, JSON.stringify({ error: 'mfa_required', mfa_token: 't' }));
  assert.deepEqual((await emulatorSignIn(bare.url, { username: 'u', password: 'p', clientId: 'c' })).mfaRequired, { mfaToken: 't' });
});

test('against the emulator: the right password gives the mfa_token and requirements; a wrong one only the answer', async (t) => {
  const h = await emulatorFor(t);
  const ok = await emulatorSignIn(h.url, { username: 'enrolled@example.com', password: 'demo', clientId: 'demo-web', clientSecret: 'demo-web-secret' });
  assert.equal(ok.status, 403);
  assert.equal(ok.body.error, 'mfa_required');
  assert.equal(ok.mfaRequired?.mfaToken, ok.body.mfa_token);
  assert.deepEqual(ok.mfaRequired?.mfaRequirements, ok.body.mfa_requirements);
  assert.ok(ok.mfaRequired?.mfaRequirements?.challenge?.length);
  // The mfa_token is for the emulator's MFA API: it lists the user's authenticators.
  assert.equal((await h.getJson('/mfa/authenticators', ok.mfaRequired!.mfaToken)).status, 200);
  const wrong = await emulatorSignIn(h.url, { username: 'demo@example.com', password: 'nope', clientId: 'demo-spa' });
  assert.deepEqual(wrong, { status: 403, body: { error: 'invalid_grant', error_description: 'Wrong email or password.' } });
});
