/**
 * ProxySource against the three kinds of server it must work with unchanged, in Node: the test
 * app's handlers are called in-process as a same-origin page would (cookie, Origin), and they talk
 * to a real emulator over HTTP. The browser tests run the same flows over real HTTP end to end.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { ProxySource } from '../../src/core/proxy-source.js';
import type { FetchLike } from '../../src/core/types.js';
import { createEmulator } from '../../src/emulator/index.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';
import { rejects } from '../helpers/rejects.js';
import { totp } from '../helpers/totp.js';
import { createTestApp, PATHS, type LoginRequest, type LoginResponse, type TestApp } from './fixtures/test-app.js';

const ORIGIN = 'http://app.test';

interface Page {
  app: TestApp;
  fetch: FetchLike;
  login(body?: LoginRequest): Promise<LoginResponse>;
  /** Every request the page made: `METHOD path → status`. */
  log: string[];
}

async function page(t: TestContext): Promise<Page> {
  const emulator = createEmulator({ log: () => {}, signingKey: TEST_SIGNING_KEY });
  const server = await emulator.listen({ port: 0 });
  t.after(() => server.close());
  const app = createTestApp({ emulatorUrl: server.url });
  let cookie = '';
  const log: string[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const url = new URL(input, ORIGIN);
    const headers = new Headers(init.headers);
    if (cookie && init.credentials !== 'omit') headers.set('cookie', cookie);
    // Browsers send Origin on every non-GET request (and on cross-origin GETs).
    if ((init.method ?? 'GET') !== 'GET') headers.set('origin', ORIGIN);
    const response = await app.handle(new Request(url, { ...init, headers }));
    log.push(`${init.method ?? 'GET'} ${url.pathname} → ${response.status}`);
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return response;
  };
  return {
    app,
    fetch,
    log,
    async login(body = {}) {
      const response = await fetch(PATHS.loginUrl, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return (await response.json()) as LoginResponse;
    },
  };
}

describe('ProxySource ↔ createMfaProxy', () => {
  it('uses every route: list, factors, enroll OTP then SMS, verify, remove, ticket', async (t) => {
    const p = await page(t);
    const user = await p.login();
    const source = new ProxySource({ baseUrl: PATHS.proxyUrl, fetch: p.fetch });
    assert.deepEqual(await source.listAuthenticators(), []);
    const factors = await source.listFactors();
    // The hosted-ticket factors too, off on this tenant (the emulator's default).
    assert.deepEqual(factors.map((f) => f.factor), ['push', 'sms', 'voice', 'email', 'duo', 'otp', 'webauthn-roaming', 'webauthn-platform', 'recovery-code']);
    assert.deepEqual(factors.filter((f) => !f.enabled).map((f) => f.factor), ['duo', 'webauthn-roaming', 'webauthn-platform']);
    const otp = await source.enroll({ factor: 'otp' });
    assert.equal(otp.type, 'otp');
    assert.equal(otp.type === 'otp' && otp.recoveryCodes?.length, 1);
    assert.deepEqual(await source.verify({ type: 'otp', otp: await totp(otp.type === 'otp' ? otp.secret : '') }), {});
    const sms = await source.enroll({ factor: 'sms', phoneNumber: '+1 555 555 0150' });
    assert.equal(sms.type === 'oob' && sms.bindingMethod, 'prompt');
    const code = await p.app.admin.lastCode(user.userId);
    await source.verify({ type: 'oob', oobCode: sms.type === 'oob' ? sms.oobCode : '', bindingCode: code });
    const list = await source.listAuthenticators();
    assert.deepEqual(list.map((a) => a.factor).sort(), ['otp', 'recovery-code', 'sms', 'voice']);
    const smsAuth = list.find((a) => a.factor === 'sms')!;
    assert.equal(smsAuth.linkedIds.length, 1);
    await source.remove(smsAuth.id);
    assert.deepEqual((await source.listAuthenticators()).map((a) => a.factor).sort(), ['otp', 'recovery-code']);
    const ticket = await source.enroll({ factor: 'push', mode: 'ticket' });
    assert.equal(ticket.type, 'ticket');
    assert.ok(ticket.type === 'ticket' && ticket.ticketUrl.startsWith('http://127.0.0.1:'));
    // A new recovery code through the Management API (the session has verified).
    assert.match(await source.regenerateRecoveryCode(), /^[A-Z0-9]{24}$/);
    assert.deepEqual(source.capabilities, { list: true, factors: true, associate: true, ticket: true, challenge: true, verify: true, remove: true, regenerate: true });
  });

  it('without Management credentials: factors and tickets turn off, the rest works', async (t) => {
    const p = await page(t);
    await p.login({ tokens: 'both', seed: [{ factor: 'otp' }] });
    const source = new ProxySource({ baseUrl: PATHS.proxyMfaOnlyUrl, fetch: p.fetch });
    await rejects(source.listFactors(), 'unsupported');
    await rejects(source.enroll({ factor: 'otp', mode: 'ticket' }), 'unsupported');
    assert.equal(source.capabilities.factors, false);
    assert.equal(source.capabilities.ticket, false);
    const list = await source.listAuthenticators();
    await source.remove(list.find((a) => a.factor === 'otp')!.id);
    assert.deepEqual(await source.listAuthenticators(), []);
    assert.equal(source.capabilities.remove, true);
  });

  it('maps the proxy’s refusals to MfaError codes (CSRF, ownership, rate limit)', async (t) => {
    const p = await page(t);
    const victim = await p.login({ seed: [{ factor: 'otp' }] });
    const victimId = victim.seeded[0]!.authenticators[0]!.id;
    await p.login({ seed: [{ factor: 'otp' }] });
    const source = new ProxySource({ baseUrl: PATHS.proxyUrl, fetch: p.fetch });
    const foreign = await rejects(source.remove(victimId), 'invalid_authenticator');
    assert.equal(foreign.status, 404);
    assert.equal(source.capabilities.remove, true, 'an answered 404 is not a missing route');
    const strict = new ProxySource({ baseUrl: PATHS.proxyStrictUrl, fetch: p.fetch });
    await rejects(strict.enroll({ factor: 'otp' }), 'csrf_rejected');
    const limited = new ProxySource({ baseUrl: PATHS.proxyLimitedUrl, fetch: p.fetch });
    for (let i = 0; i < 3; i++) await limited.listAuthenticators();
    const error = await rejects(limited.listAuthenticators(), 'too_many_requests');
    assert.equal(error.retryAfter, 20);
  });
});

describe('ProxySource ↔ the Auth0 Lab routers (three routes)', () => {
  it('lists from the factor list, enrolls through tickets, removes through DELETE {base}/{id}', async (t) => {
    const p = await page(t);
    await p.login({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550151' }] });
    const source = new ProxySource({ baseUrl: PATHS.labUrl, fetch: p.fetch });
    const list = await source.listAuthenticators();
    // The Lab has no authenticators route (405 from the [enrollmentId] route), so the list is derived.
    assert.equal(p.log[1], `GET ${PATHS.labUrl}/authenticators → 405`);
    assert.deepEqual(list.map((a) => [a.factor, a.id.split('|')[0]]), [
      ['sms', 'phone'],
      ['otp', 'totp'],
    ]);
    assert.ok(list.every((a) => a.active && a.linkedIds.length === 0));
    const factors = await source.listFactors();
    // The Lab drops email and recovery-code, and never matches push (a bug kept on purpose).
    assert.deepEqual(factors.map((f) => f.factor), ['push', 'sms', 'otp']);
    assert.equal(factors[0]!.enrollmentId, undefined);

    const enrollment = await source.enroll({ factor: 'sms', phoneNumber: '+15555550152' });
    assert.equal(enrollment.type, 'ticket');
    assert.equal(source.capabilities.associate, false);
    assert.equal(source.capabilities.ticket, true);

    await source.remove(list[0]!.id);
    assert.deepEqual((await source.listAuthenticators()).map((a) => a.factor), ['otp']);
    assert.ok(p.log.includes(`DELETE ${PATHS.labUrl}/authenticators/${encodeURIComponent(list[0]!.id)} → 404`));
    assert.equal(source.capabilities.remove, true);

    await rejects(source.challenge({ authenticatorId: list[1]!.id }), 'unsupported');
    await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    assert.deepEqual(source.capabilities, { list: true, factors: true, associate: false, ticket: true, challenge: false, verify: false, remove: true, regenerate: true });
  });

  it('reads the Lab’s 500 {error: sentence}, 429 and 401 bodies as MfaErrors', async (t) => {
    const p = await page(t);
    const source = new ProxySource({ baseUrl: PATHS.labUrl, fetch: p.fetch });
    const signedOut = await rejects(source.listFactors(), 'not_authenticated');
    assert.equal(signedOut.status, 401);
    const victim = await p.login({ seed: [{ factor: 'otp' }] });
    await p.login();
    const failed = await rejects(source.remove(victim.seeded[0]!.authenticators[0]!.id), 'server_unavailable');
    assert.equal(failed.description, 'Error deleting MFA Enrollment');
    await p.fetch('/__test/lab-limited/reset', { method: 'POST' });
    const limited = new ProxySource({ baseUrl: PATHS.labLimitedUrl, fetch: p.fetch });
    await limited.listFactors();
    const error = await rejects(limited.listFactors(), 'rate_limited');
    assert.equal(error.description, 'Rate limit exceeded');
  });
});

// ProxySource ↔ the real nextjs-auth0: proxy-source-nextjs.node.test.ts.
