/**
 * Proxy mode end to end in a real browser: ProxySource → (same origin, cookie, CSRF header) →
 * createMfaProxy / the Auth0 Lab routers / nextjs-auth0's routes → the emulator over HTTP. The
 * servers are mounted on the test page's origin by scripts/wtr/extra-servers.js.
 */
import { expect } from '@open-wc/testing';
import { MfaError } from '../../src/core/errors.js';
import { ProxySource } from '../../src/core/proxy-source.js';
import type { FetchLike, OtpEnrollment, OobEnrollment } from '../../src/core/types.js';
import { emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';

interface LoginResponse {
  userId: string;
  email: string;
  seeded: Array<{ authenticators: Array<{ id: string; authenticator_type: string; oob_channel?: string }>; recovery_code?: string; secret?: string }>;
  nextjsToken?: string;
}

/** The test-only login: a fresh emulator user whose tokens stay in the server-side session. */
async function login(body: Record<string, unknown> = {}): Promise<LoginResponse> {
  const response = await fetch(env.loginUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).to.equal(200);
  return (await response.json()) as LoginResponse;
}

async function session(): Promise<{ userId: string; hasMfaToken: boolean; hasAccessToken: boolean; scope: string | null; verified: boolean }> {
  return (await fetch(env.sessionUrl!)).json();
}

async function rejection(promise: Promise<unknown>): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MfaError);
    return error as MfaError;
  }
  throw new Error('expected the call to fail');
}

/** The user's authenticators as Auth0 (the emulator) has them, bypassing every proxy. */
async function upstreamIds(userId: string): Promise<string[]> {
  const { accessToken } = await emulator.tokens(userId);
  const response = await fetch(`${emulator.url}/mfa/authenticators`, { headers: { authorization: `Bearer ${accessToken}` } });
  return ((await response.json()) as Array<{ id: string }>).map((a) => a.id);
}

describe('proxy mode: ProxySource → createMfaProxy → emulator', () => {
  it('lists, enrolls OTP and SMS, verifies, removes and creates a ticket', async () => {
    const user = await login();
    const source = new ProxySource({ baseUrl: env.proxyUrl! });
    expect(await source.listAuthenticators()).to.deep.equal([]);

    const otp = (await source.enroll({ factor: 'otp' })) as OtpEnrollment;
    expect(otp.type).to.equal('otp');
    expect(otp.barcodeUri).to.match(/^otpauth:\/\/totp\//);
    expect(otp.recoveryCodes).to.have.length(1);
    expect(await source.verify({ type: 'otp', otp: await totp(otp.secret) })).to.deep.equal({});
    // The proxy handed the new MFA access token to the app's session (onTokens), not to the page.
    const after = await session();
    expect(after.hasAccessToken).to.equal(true);
    expect(after.scope).to.include('enroll');

    const sms = (await source.enroll({ factor: 'sms', phoneNumber: '+1 555-555-0160' })) as OobEnrollment;
    expect(sms.bindingMethod).to.equal('prompt');
    await source.verify({ type: 'oob', oobCode: sms.oobCode, bindingCode: await emulator.lastCode(user.userId, 'sms') });

    const list = await source.listAuthenticators();
    expect(list.map((a) => a.factor).sort()).to.deep.equal(['otp', 'recovery-code', 'sms', 'voice']);
    const smsAuth = list.find((a) => a.factor === 'sms')!;
    expect(smsAuth.name).to.match(/0160$/);
    await source.remove(smsAuth.id);
    expect((await source.listAuthenticators()).map((a) => a.factor).sort()).to.deep.equal(['otp', 'recovery-code']);

    const factors = await source.listFactors();
    expect(factors.find((f) => f.factor === 'otp')!.enrollmentId).to.match(/^totp\|/);
    const ticket = await source.enroll({ factor: 'push', mode: 'ticket' });
    expect(ticket.type).to.equal('ticket');
    expect(ticket.type === 'ticket' && ticket.ticketUrl.startsWith(`${emulator.url}/guardian/enroll?ticket=`)).to.equal(true);
    expect(source.capabilities).to.deep.equal({ list: true, factors: true, associate: true, ticket: true, challenge: true, verify: true, remove: true, regenerate: true });
  });

  it('challenges an enrolled SMS authenticator and verifies with the code sent', async () => {
    const user = await login({ seed: [{ factor: 'sms', phoneNumber: '+15555550161' }] });
    const source = new ProxySource({ baseUrl: env.proxyUrl! });
    const sms = (await source.listAuthenticators()).find((a) => a.factor === 'sms')!;
    const challenge = await source.challenge({ authenticatorId: sms.id, challengeType: 'oob' });
    expect(challenge.challengeType).to.equal('oob');
    expect(challenge.bindingMethod).to.equal('prompt');
    const result = await source.verify({ type: 'oob', oobCode: challenge.oobCode!, bindingCode: await emulator.lastCode(user.userId, 'sms') });
    expect(result.tokens).to.equal(undefined);
  });

  it('keeps the session cookie and the tokens away from the page', async () => {
    await login({ seed: [{ factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' }] });
    expect(document.cookie).not.to.include('mfa_test_sid');
    const source = new ProxySource({ baseUrl: env.proxyUrl! });
    const raw: string[] = [];
    const spying = new ProxySource({
      baseUrl: env.proxyUrl!,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        raw.push(await response.clone().text());
        return response;
      },
    });
    await source.listAuthenticators();
    await spying.listAuthenticators();
    await spying.verify({ type: 'otp', otp: await totp('JBSWY3DPEHPK3PXP') });
    expect(raw.join('\n')).not.to.match(/access_token|mfa_token|id_token/);
    expect((await session()).verified).to.equal(true);
  });
});

describe('proxy mode: security, seen from the browser', () => {
  it('refuses a request without the CSRF header (403 csrf_rejected), before anything changes', async () => {
    const user = await login({ seed: [{ factor: 'otp' }] });
    const stripping: FetchLike = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('x-requested-with');
      return fetch(input, { ...init, headers });
    };
    const source = new ProxySource({ baseUrl: env.proxyUrl!, fetch: stripping });
    const [otp] = await new ProxySource({ baseUrl: env.proxyUrl! }).listAuthenticators();
    const error = await rejection(source.remove(otp!.id));
    expect(error.code).to.equal('csrf_rejected');
    expect(error.status).to.equal(403);
    expect(await upstreamIds(user.userId)).to.include(otp!.id);
    // A plain form-like POST (no header, not JSON) is refused the same way.
    const form = await fetch(`${env.proxyUrl}/verify`, { method: 'POST', body: new URLSearchParams({ otp: '123456' }) });
    expect(form.status).to.equal(403);
    expect((await form.json()).error).to.equal('csrf_rejected');
  });

  it('refuses the page’s origin where it is not allowed (the browser sets Origin, the page cannot forge it)', async () => {
    await login();
    const strict = new ProxySource({ baseUrl: env.proxyStrictUrl! });
    const error = await rejection(strict.enroll({ factor: 'otp' }));
    expect(error.code).to.equal('csrf_rejected');
    expect(error.status).to.equal(403);
    // Same-origin reads carry no Origin header, so they are not affected.
    expect(await strict.listAuthenticators()).to.deep.equal([]);
  });

  it('never removes or challenges another user’s authenticator', async () => {
    const victim = await login({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550162' }] });
    const victimIds = victim.seeded.flatMap((s) => s.authenticators.map((a) => a.id));
    const smsId = victim.seeded[1]!.authenticators.find((a) => a.oob_channel === 'sms')!.id;
    await login({ seed: [{ factor: 'otp' }] });
    const source = new ProxySource({ baseUrl: env.proxyUrl! });
    const removal = await rejection(source.remove(smsId));
    expect(removal.code).to.equal('invalid_authenticator');
    expect(removal.status).to.equal(404);
    expect(source.capabilities.remove).to.equal(true);
    const challenge = await rejection(source.challenge({ authenticatorId: smsId }));
    expect(challenge.code).to.equal('invalid_authenticator');
    const own = (await source.listAuthenticators()).map((a) => a.id);
    expect(own.some((id) => victimIds.includes(id))).to.equal(false);
    const left = await upstreamIds(victim.userId);
    for (const id of victimIds) expect(left).to.include(id);
  });

  it('rate-limits per user: the fourth request gets MfaError with retryAfter', async () => {
    await login();
    const source = new ProxySource({ baseUrl: env.proxyLimitedUrl! });
    for (let i = 0; i < 3; i++) await source.listAuthenticators();
    const error = await rejection(source.listAuthenticators());
    expect(error.code).to.equal('too_many_requests');
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(20);
    // Another user is not affected.
    await login();
    expect(await source.listAuthenticators()).to.deep.equal([]);
  });

  it('passes Auth0’s 429 too_many_attempts through with its Retry-After', async () => {
    await login({ seed: [{ factor: 'otp' }], settings: { limits: { otpFailures: { burst: 1 } } } });
    const source = new ProxySource({ baseUrl: env.proxyUrl! });
    const wrong = await rejection(source.verify({ type: 'otp', otp: '000000' }));
    expect(wrong.code).to.equal('invalid_grant');
    const limited = await rejection(source.verify({ type: 'otp', otp: '000000' }));
    expect(limited.code).to.equal('too_many_attempts');
    expect(limited.status).to.equal(429);
    expect(limited.retryAfter).to.be.greaterThan(0);
  });

  it('validates input on the server too (a client that skips the checks gets invalid_request)', async () => {
    await login();
    const response = await fetch(`${env.proxyUrl}/associate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'mfa-elements' },
      body: JSON.stringify({ authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '0123' }),
    });
    expect(response.status).to.equal(400);
    const body = await response.json();
    expect(body.error).to.equal('invalid_request');
    expect(body.error_description).to.include('E.164');
  });
});

describe('proxy mode: ProxySource against the Auth0 Lab routers', () => {
  it('lists from the factors, enrolls by ticket, removes through DELETE {base}/{id}', async () => {
    const user = await login({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550163' }] });
    const source = new ProxySource({ baseUrl: env.labUrl! });
    const list = await source.listAuthenticators();
    expect(list.map((a) => a.factor)).to.deep.equal(['sms', 'otp']);
    const enrollment = await source.enroll({ factor: 'otp' });
    expect(enrollment.type).to.equal('ticket');
    expect(enrollment.type === 'ticket' && new URL(enrollment.ticketUrl).origin).to.equal(emulator.url);
    await source.remove(list[0]!.id);
    expect((await upstreamIds(user.userId)).some((id) => id.startsWith('sms|'))).to.equal(false);
    expect((await source.listAuthenticators()).map((a) => a.factor)).to.deep.equal(['otp']);
    const verify = await rejection(source.verify({ type: 'otp', otp: '123456' }));
    expect(verify.code).to.equal('unsupported');
    expect((await rejection(source.challenge({ authenticatorId: list[1]!.id }))).code).to.equal('unsupported');
    expect(source.capabilities).to.deep.equal({ list: true, factors: true, associate: false, ticket: true, challenge: false, verify: false, remove: true, regenerate: true });
  });

  it('reads the Lab’s 429 and 500 sentences as rate_limited and server_unavailable', async () => {
    const victim = await login({ seed: [{ factor: 'otp' }] });
    await login();
    const failed = await rejection(new ProxySource({ baseUrl: env.labUrl! }).remove(victim.seeded[0]!.authenticators[0]!.id));
    expect(failed.code).to.equal('server_unavailable');
    expect(failed.description).to.equal('Error deleting MFA Enrollment');
    await fetch('/__test/lab-limited/reset', { method: 'POST' });
    const limited = new ProxySource({ baseUrl: env.labLimitedUrl! });
    await limited.listFactors();
    const error = await rejection(limited.listFactors());
    expect(error.code).to.equal('rate_limited');
    expect(error.status).to.equal(429);
  });
});

describe('proxy mode: ProxySource against the real nextjs-auth0’s routes', () => {
  it('enrolls and verifies with the opaque token; removal, tickets and the factor list are off', async () => {
    const user = await login({ nextjs: true });
    const source = new ProxySource({ baseUrl: env.nextjsUrl!, token: user.nextjsToken! });
    expect(await source.listAuthenticators()).to.deep.equal([]);
    const otp = (await source.enroll({ factor: 'otp' })) as OtpEnrollment;
    await source.verify({ type: 'otp', otp: await totp(otp.secret) });
    const list = await source.listAuthenticators();
    expect(list.map((a) => a.factor).sort()).to.deep.equal(['otp', 'recovery-code']);
    expect((await rejection(source.remove(list[0]!.id))).code).to.equal('unsupported');
    expect((await rejection(source.listFactors())).code).to.equal('unsupported');
    expect((await rejection(source.enroll({ factor: 'sms', mode: 'ticket' }))).code).to.equal('unsupported');
    expect(source.capabilities).to.deep.equal({ list: true, factors: false, associate: true, ticket: false, challenge: true, verify: true, remove: false, regenerate: true });
  });

  it('sees nextjs-auth0’s 400 for Auth0’s 429 too_many_attempts (code kept, no Retry-After)', async () => {
    const user = await login({ nextjs: true, seed: [{ factor: 'otp' }], settings: { limits: { otpFailures: { burst: 1 } } } });
    const source = new ProxySource({ baseUrl: env.nextjsUrl!, token: user.nextjsToken! });
    expect((await rejection(source.verify({ type: 'otp', otp: '000000' }))).code).to.equal('invalid_grant');
    const limited = await rejection(source.verify({ type: 'otp', otp: '000000' }));
    expect(limited.code).to.equal('too_many_attempts');
    expect(limited.status).to.equal(400);
    expect(limited.retryAfter).to.equal(undefined);
  });

  it('challenges with the mfa_token in the body, where nextjs-auth0 expects it', async () => {
    const user = await login({ nextjs: true, seed: [{ factor: 'sms', phoneNumber: '+15555550164' }] });
    const source = new ProxySource({ baseUrl: env.nextjsUrl!, token: user.nextjsToken! });
    // nextjs-auth0 keeps only authenticators whose `type` is in mfa_requirements.challenge; the
    // emulator sends `type` on each, as Customizable-MFA tenants do, so all of them are listed.
    expect((await source.listAuthenticators()).map((a) => a.factor).sort()).to.deep.equal(['recovery-code', 'sms', 'voice']);
    const smsId = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!.id;
    const challenge = await source.challenge({ authenticatorId: smsId });
    expect(challenge.challengeType).to.equal('oob');
    await source.verify({ type: 'oob', oobCode: challenge.oobCode!, bindingCode: await emulator.lastCode(user.userId, 'sms') });
    expect((await session()).verified).to.equal(true);
  });
});
