/**
 * ProxySource against the real `@auth0/nextjs-auth0` v4 route handlers (`/auth/mfa/*`), in
 * process, on the emulator as the tenant: a real sign-in, the SDK's own encrypted `mfa_token`.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { ProxySource } from '../../src/core/proxy-source.js';
import { rejects } from '../helpers/rejects.js';
import { totp } from '../helpers/totp.js';
import { MFA_AUDIENCE, MFA_BASE, nextjsPage, type NextjsPage } from './fixtures/nextjs-auth0-real.js';

async function signedIn(
  t: TestContext,
  seed: Record<string, unknown>[] = [],
  settings: Record<string, unknown> = {},
): Promise<{ page: NextjsPage; source: ProxySource; userId: string }> {
  const page = await nextjsPage(t, { settings: { pushInterval: 0 } });
  const user = await page.tenant.control<{ id: string; email: string }>('POST', '/__emulator/users', { settings });
  for (const body of seed) await page.tenant.control('POST', `/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, body);
  await page.signIn(user.email);
  const { token } = await page.mfaRequired();
  return { page, userId: user.id, source: new ProxySource({ baseUrl: MFA_BASE, token, fetch: page.fetch }) };
}

async function lastCode(page: NextjsPage, userId: string): Promise<string> {
  const messages = await page.tenant.control<{ code: string }[]>('GET', `/__emulator/outbox?user_id=${encodeURIComponent(userId)}`);
  return messages.at(-1)!.code;
}

describe('ProxySource ↔ the real nextjs-auth0', () => {
  it('an enrolled user lists every factor, challenges OTP without a challengeType, and the verify lands in the session', async (t) => {
    const { page, source } = await signedIn(t, [{ factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' }, { factor: 'sms', phoneNumber: '+15555550111' }]);
    const list = await source.listAuthenticators();
    assert.deepEqual(list.map((a) => a.factor).sort(), ['otp', 'recovery-code', 'sms', 'voice']);
    const otp = list.find((a) => a.factor === 'otp')!;
    assert.deepEqual(await source.challenge({ authenticatorId: otp.id }), { challengeType: 'otp' });
    assert.deepEqual(await page.sessionAudiences(), []);
    await source.verify({ type: 'otp', otp: await totp('JBSWY3DPEHPK3PXP') });
    assert.ok((await page.sessionAudiences()).includes(MFA_AUDIENCE), 'nextjs-auth0 stored the MFA-API token in the session');
  });

  it('SMS: challenge (challenge_type inferred as oob) and verify with the binding code', async (t) => {
    const { page, source, userId } = await signedIn(t, [{ factor: 'sms', phoneNumber: '+15555550112' }]);
    const sms = (await source.listAuthenticators()).find((a) => a.factor === 'sms')!;
    const challenge = await source.challenge({ authenticatorId: sms.id });
    assert.equal(challenge.challengeType, 'oob');
    await source.verify({ type: 'oob', oobCode: challenge.oobCode!, bindingCode: await lastCode(page, userId) });
    assert.ok((await page.sessionAudiences()).includes(MFA_AUDIENCE));
  });

  it('a new user enrolls OTP inline and gets the recovery code; a wrong code then too many are reported', async (t) => {
    const { source } = await signedIn(t);
    const otp = await source.enroll({ factor: 'otp' });
    assert.equal(otp.type, 'otp');
    const secret = otp.type === 'otp' ? otp.secret : '';
    assert.equal(otp.recoveryCodes?.length, 1);
    await rejects(source.verify({ type: 'otp', otp: '000000' }), 'invalid_grant');
    await source.verify({ type: 'otp', otp: await totp(secret) });
    assert.deepEqual((await source.listAuthenticators()).map((a) => a.factor).sort(), ['otp', 'recovery-code']);
  });

  it('a new user enrolls email inline and confirms it with the emailed code', async (t) => {
    const { page, source, userId } = await signedIn(t);
    const email = await source.enroll({ factor: 'email', email: 'me@example.com' });
    assert.equal(email.type, 'oob');
    const oobCode = email.type === 'oob' ? email.oobCode! : '';
    await source.verify({ type: 'oob', oobCode, bindingCode: await lastCode(page, userId) });
    assert.ok((await page.sessionAudiences()).includes(MFA_AUDIENCE));
  });

  it('a recovery code signs in and rotates', async (t) => {
    const page = await nextjsPage(t);
    await page.signIn('enrolled@example.com');
    const source = new ProxySource({ baseUrl: MFA_BASE, token: (await page.mfaRequired()).token, fetch: page.fetch });
    const result = await source.verify({ type: 'recovery-code', recoveryCode: 'DEMORECOVERYCODE00000000' });
    assert.match(result.recoveryCode ?? '', /^[A-Z0-9]{24}$/);
  });

  it('a forged token is 401 mfa_token_invalid; no factor list, ticket or removal routes there', async (t) => {
    const { source } = await signedIn(t, [{ factor: 'otp' }]);
    const list = await source.listAuthenticators();
    await rejects(source.listFactors(), 'unsupported');
    await rejects(source.remove(list[0]!.id), 'unsupported');
    source.setToken('forged');
    const invalid = await rejects(source.listAuthenticators(), 'mfa_token_invalid');
    assert.equal(invalid.status, 401);
  });

  it('push cannot be confirmed there (verify needs binding_code); with push: false the source says so before any request', async (t) => {
    const { page, source } = await signedIn(t);
    const push = await source.enroll({ factor: 'push' });
    assert.equal(push.type, 'oob');
    const oobCode = push.type === 'oob' ? push.oobCode! : '';
    await page.tenant.control('POST', `/__emulator/push/${encodeURIComponent(oobCode)}/approve`);
    // Approved on the device, yet nextjs-auth0 refuses the poll: it has no way to carry it.
    const refused = await rejects(source.verify({ type: 'oob', oobCode }), 'invalid_request');
    assert.equal(refused.status, 400);

    let requests = 0;
    const counted = new ProxySource({
      baseUrl: MFA_BASE,
      token: (await page.mfaRequired()).token,
      fetch: (input, init) => (requests++, page.fetch(input, init)),
      push: false,
    });
    assert.equal(counted.capabilities.push, false);
    await rejects(counted.enroll({ factor: 'push' }), 'unsupported');
    await rejects(counted.challenge({ authenticatorId: 'push|dev_0000000000000000' }), 'unsupported');
    assert.equal(requests, 0, 'refused before reaching the server');
    assert.ok(Array.isArray(await counted.listAuthenticators()), 'the rest still works');
    assert.equal(requests, 1);
  });

  it('sees too_many_attempts as nextjs-auth0 sends it: 400, no Retry-After', async (t) => {
    const { source } = await signedIn(t, [{ factor: 'otp' }], { limits: { otpFailures: { burst: 2 } } });
    await rejects(source.verify({ type: 'otp', otp: '000000' }), 'invalid_grant');
    await rejects(source.verify({ type: 'otp', otp: '000000' }), 'invalid_grant');
    const limited = await rejects(source.verify({ type: 'otp', otp: '000000' }), 'too_many_attempts');
    assert.equal(limited.status, 400);
    assert.equal(limited.retryAfter, undefined);
  });
});
