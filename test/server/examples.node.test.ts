/** The README examples (examples/server/) run for real: Express and Hono over HTTP, against the emulator. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { createApp as createExpressApp, type ExampleConfig } from '../../examples/server/express.js';
import { createApp as createHonoApp } from '../../examples/server/hono.js';
import { createEmulator } from '../../src/emulator/index.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';
import { listenNode } from '../../src/server/index.js';
import { totp } from '../helpers/totp.js';
import { EmulatorAdmin, M2M_CLIENT, WEB_CLIENT } from './fixtures/emulator-admin.js';
import { SessionStore } from './fixtures/sessions.js';

const APP_ORIGIN = 'https://app.example.com';

async function setup(t: TestContext): Promise<{ config: ExampleConfig; admin: EmulatorAdmin; sessions: SessionStore; saved: unknown[] }> {
  const emulator = createEmulator({ log: () => {}, signingKey: TEST_SIGNING_KEY });
  const server = await emulator.listen({ port: 0 });
  t.after(() => server.close());
  const sessions = new SessionStore();
  const saved: unknown[] = [];
  const config: ExampleConfig = {
    auth0Domain: server.url,
    clientId: WEB_CLIENT.clientId,
    clientSecret: WEB_CLIENT.clientSecret,
    managementClientId: M2M_CLIENT.clientId,
    managementClientSecret: M2M_CLIENT.clientSecret,
    appOrigin: APP_ORIGIN,
    getSession: (request) => {
      const s = sessions.get(request);
      return s ? { userId: s.userId, mfaToken: s.mfaToken, accessToken: s.accessToken } : null;
    },
    saveTokens: (request, tokens) => {
      saved.push(tokens);
      if (tokens.accessToken) sessions.update(request, { accessToken: tokens.accessToken });
    },
  };
  return { config, admin: new EmulatorAdmin(server.url), sessions, saved };
}

/** The whole self-service flow a page would run, over HTTP against `url`. */
async function runFlow(url: string, ctx: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const user = await ctx.admin.createUser();
  const { mfaToken } = await ctx.admin.login(user.email, user.password);
  const cookie = ctx.sessions.create({ userId: user.id, email: user.email, mfaToken }).cookie.split(';')[0]!;
  const headers = { cookie, origin: APP_ORIGIN, 'x-requested-with': 'mfa-elements', 'content-type': 'application/json' };
  const api = `${url}/api/auth/mfa`;

  const empty = await fetch(`${api}/authenticators`, { headers: { cookie } });
  assert.equal(empty.status, 200);
  assert.deepEqual(await empty.json(), []);

  const associate = await fetch(`${api}/associate`, { method: 'POST', headers, body: JSON.stringify({ authenticator_types: ['otp'] }) });
  assert.equal(associate.status, 200);
  const { secret } = (await associate.json()) as { secret: string };
  const verify = await fetch(`${api}/verify`, { method: 'POST', headers, body: JSON.stringify({ otp: await totp(secret) }) });
  assert.deepEqual(await verify.json(), { success: true });
  assert.equal(ctx.saved.length, 1);

  const factors = (await (await fetch(api, { headers: { cookie } })).json()) as Array<{ name: string; enrollmentId?: string }>;
  const otp = factors.find((f) => f.name === 'otp')!;
  assert.match(otp.enrollmentId!, /^totp\|/);

  const ticket = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ factor: 'email' }) });
  assert.match(((await ticket.json()) as { ticket_url: string }).ticket_url, /\/guardian\/enroll\?ticket=/);

  const noCsrf = await fetch(`${api}/authenticators/${encodeURIComponent(otp.enrollmentId!)}`, {
    method: 'DELETE',
    headers: { cookie, origin: APP_ORIGIN },
  });
  assert.equal(noCsrf.status, 403);
  const foreign = await fetch(`${api}/authenticators/${encodeURIComponent(otp.enrollmentId!)}`, {
    method: 'DELETE',
    headers: { ...headers, origin: 'https://evil.example' },
  });
  assert.equal(foreign.status, 403);
  const removed = await fetch(`${api}/authenticators/${encodeURIComponent(otp.enrollmentId!)}`, { method: 'DELETE', headers });
  assert.equal(removed.status, 204);
  assert.deepEqual(await ctx.admin.authenticators(user.id), []);

  const signedOut = await fetch(`${api}/authenticators`);
  assert.equal(signedOut.status, 401);
  // The rest of the app is untouched by the mount.
  assert.deepEqual(await (await fetch(`${url}/health`)).json(), { ok: true });
  assert.equal((await fetch(`${url}/api/auth/mfa-elsewhere`)).status, 404);
}

describe('examples/server', () => {
  it('express.ts: the proxy mounted in Express 5 runs the whole flow', async (t) => {
    const ctx = await setup(t);
    const app = createExpressApp(ctx.config);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    t.after(() => server.closeAllConnections());
    await runFlow(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, ctx);
  });

  it('hono.ts: the proxy mounted in Hono runs the whole flow (served by listenNode)', async (t) => {
    const ctx = await setup(t);
    const app = createHonoApp(ctx.config);
    const server = await listenNode(async (request) => app.fetch(request));
    t.after(() => server.close());
    await runFlow(server.url, ctx);
  });

  it('hono.ts: app.fetch works in-process too (what edge runtimes call)', async (t) => {
    const ctx = await setup(t);
    const app = createHonoApp(ctx.config);
    const user = await ctx.admin.createUser();
    const cookie = ctx.sessions.create({ userId: user.id, email: user.email, mfaToken: (await ctx.admin.login(user.email, user.password)).mfaToken }).cookie.split(';')[0]!;
    const res = await app.fetch(new Request('https://app.example.com/api/auth/mfa/authenticators', { headers: { cookie } }));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), []);
    const csrf = await app.fetch(
      new Request('https://app.example.com/api/auth/mfa/verify', {
        method: 'POST',
        headers: { cookie, origin: APP_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ otp: '123456' }),
      }),
    );
    assert.equal(csrf.status, 403);
  });
});
