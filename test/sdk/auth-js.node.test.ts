import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthClient, isMfaRequiredError } from '@auth0/auth0-auth-js';
import { TOTP } from 'otpauth';
import { DOMAIN, sdkTenant, type SdkTenant } from './sdk-harness.js';

/** Auth0's own `@auth0/auth0-auth-js` (over openid-client) against the emulator, unchanged. */

const client = (tenant: SdkTenant) =>
  new AuthClient({ domain: DOMAIN, clientId: 'demo-web', clientSecret: 'demo-web-secret', customFetch: tenant.customFetch });

async function mfaTokenOf(promise: Promise<unknown>): Promise<{ mfaToken: string; requirements: unknown }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMfaRequiredError(error), `expected mfa_required, got ${String(error)}`);
    const cause = (error as { cause: { mfa_token: string; mfa_requirements: unknown } }).cause;
    return { mfaToken: cause.mfa_token, requirements: cause.mfa_requirements };
  }
  assert.fail('the grant answered tokens without MFA');
}

async function newUser(tenant: SdkTenant): Promise<{ id: string; email: string }> {
  return tenant.control('POST', '/__emulator/users', {});
}

async function lastCode(tenant: SdkTenant, userId: string): Promise<string> {
  const messages = await tenant.control<{ code: string }[]>('GET', `/__emulator/outbox?user_id=${encodeURIComponent(userId)}`);
  return messages.at(-1)!.code;
}

test('auth-js: password grant → mfa_required → enroll and verify otp; the list carries type and channels', async (t) => {
  const tenant = await sdkTenant(t);
  const auth = client(tenant);
  const user = await newUser(tenant);
  const { mfaToken, requirements } = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo' }));
  assert.deepEqual((requirements as { enroll: unknown[] }).enroll[0], { type: 'otp' });
  const enrollment = await auth.mfa.enrollAuthenticator({ authenticatorTypes: ['otp'], mfaToken });
  assert.equal(enrollment.authenticatorType, 'otp');
  const secret = (enrollment as { secret: string }).secret;
  const tokens = await auth.mfa.verify({ mfaToken, factorType: 'otp', otp: new TOTP({ secret }).generate() });
  assert.equal(typeof tokens.accessToken, 'string');
  assert.equal(tokens.recoveryCode, undefined);

  const again = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo' }));
  const list = await auth.mfa.listAuthenticators({ mfaToken: again.mfaToken });
  assert.deepEqual(list.map((a) => [a.authenticatorType, a.type, a.active]).sort(), [
    ['otp', 'otp', true],
    ['recovery-code', 'recovery-code', true],
  ]);
});

test('auth-js: enroll and verify sms, then email, with binding codes; oobChannels survive the list', async (t) => {
  const tenant = await sdkTenant(t);
  const auth = client(tenant);
  const user = await newUser(tenant);
  const mfaApi = { audience: `https://${DOMAIN}/mfa/`, scope: 'enroll read:authenticators remove:authenticators' };
  const { mfaToken } = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo', ...mfaApi }));
  const sms = await auth.mfa.enrollAuthenticator({ authenticatorTypes: ['oob'], oobChannels: ['sms'], phoneNumber: '+15555550123', mfaToken });
  assert.equal(sms.authenticatorType, 'oob');
  const smsCode = (sms as { oobCode: string }).oobCode;
  const first = await auth.mfa.verify({ mfaToken, factorType: 'oob', oobCode: smsCode, bindingCode: await lastCode(tenant, user.id) });

  // A second factor is enrolled with the MFA-API access token, as Auth0 refuses the mfa_token for it.
  const email = await auth.mfa.enrollAuthenticator({ authenticatorTypes: ['oob'], oobChannels: ['email'], email: user.email, mfaToken: first.accessToken });
  await auth.mfa.verify({ mfaToken, factorType: 'oob', oobCode: (email as { oobCode: string }).oobCode, bindingCode: await lastCode(tenant, user.id) });

  const last = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo' }));
  const list = await auth.mfa.listAuthenticators({ mfaToken: last.mfaToken });
  const channels = list.filter((a) => a.authenticatorType === 'oob').map((a) => a.oobChannels?.join());
  assert.deepEqual(channels.sort(), ['email', 'sms', 'voice']);

  // Challenge an enrolled sms authenticator and verify it.
  const smsId = list.find((a) => a.oobChannels?.includes('sms'))!.id;
  const challenge = await auth.mfa.challengeAuthenticator({ challengeType: 'oob', authenticatorId: smsId, mfaToken: last.mfaToken });
  assert.equal(challenge.bindingMethod, 'prompt');
  const tokens = await auth.mfa.verify({ mfaToken: last.mfaToken, factorType: 'oob', oobCode: challenge.oobCode!, bindingCode: await lastCode(tenant, user.id) });
  assert.equal(typeof tokens.idToken, 'string');
});

test('auth-js: push enrollment polls authorization_pending until approved; a recovery code rotates', async (t) => {
  const tenant = await sdkTenant(t, { settings: { pushInterval: 0 } });
  const auth = client(tenant);
  const user = await newUser(tenant);
  const { mfaToken } = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo' }));
  const push = await auth.mfa.enrollAuthenticator({ authenticatorTypes: ['oob'], oobChannels: ['auth0'], mfaToken });
  const oobCode = (push as { oobCode: string }).oobCode;
  const recoveryCode = (push as { recoveryCodes: string[] }).recoveryCodes[0]!;
  await assert.rejects(auth.mfa.verify({ mfaToken, factorType: 'oob', oobCode }), (error: { cause?: { error?: string } }) => {
    assert.equal(error.cause?.error, 'authorization_pending');
    return true;
  });
  await tenant.control('POST', `/__emulator/push/${encodeURIComponent(oobCode)}/approve`);
  const tokens = await auth.mfa.verify({ mfaToken, factorType: 'oob', oobCode });
  assert.equal(typeof tokens.accessToken, 'string');

  const next = await mfaTokenOf(auth.getTokenByPassword({ username: user.email, password: 'demo' }));
  const recovered = await auth.mfa.verify({ mfaToken: next.mfaToken, factorType: 'recovery-code', recoveryCode });
  assert.match(recovered.recoveryCode ?? '', /^[A-Z0-9]{24}$/);
  assert.notEqual(recovered.recoveryCode, recoveryCode);
});

test('auth-js: authorization code with PKCE (id_token verified against the JWKS), then a refresh for the MFA API meets mfa_required', async (t) => {
  const tenant = await sdkTenant(t);
  const auth = new AuthClient({
    domain: DOMAIN,
    clientId: 'demo-web',
    clientSecret: 'demo-web-secret',
    customFetch: tenant.customFetch,
    authorizationParams: { redirect_uri: 'http://localhost:3000/callback', scope: 'openid profile email offline_access' },
  });
  const { authorizationUrl, codeVerifier } = await auth.buildAuthorizationUrl();
  assert.equal(authorizationUrl.origin, `https://${DOMAIN}`);
  assert.equal(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
  // The browser's part: the hosted page, then the posted form.
  const html = await (await tenant.customFetch(authorizationUrl)).text();
  const tx = html.match(/name="tx" value="([^"]+)"/)![1]!;
  const posted = await tenant.customFetch(`https://${DOMAIN}/u/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ tx, username: 'enrolled@example.com', password: 'demo' }),
  });
  const callback = new URL(posted.headers.get('location')!);
  const tokens = await auth.getTokenByCode(callback, { codeVerifier });
  assert.equal(tokens.claims?.email, 'enrolled@example.com');
  assert.equal(tokens.claims?.iss, `https://${DOMAIN}/`);
  assert.equal(typeof tokens.refreshToken, 'string');

  const refreshed = await auth.getTokenByRefreshToken({ refreshToken: tokens.refreshToken! });
  assert.notEqual(refreshed.refreshToken, tokens.refreshToken, 'rotation');
  const { mfaToken, requirements } = await mfaTokenOf(
    auth.getTokenByRefreshToken({ refreshToken: refreshed.refreshToken!, audience: `https://${DOMAIN}/mfa/` }),
  );
  assert.deepEqual(requirements, { challenge: [{ type: 'otp' }, { type: 'recovery-code' }, { type: 'phone' }, { type: 'oob' }] });
  const mfa = await auth.mfa.verify({ mfaToken, factorType: 'otp', otp: new TOTP({ secret: 'JBSWY3DPEHPK3PXP' }).generate() });
  const list = await auth.mfa.listAuthenticators({ mfaToken: mfa.accessToken });
  assert.ok(list.some((a) => a.oobChannels?.includes('sms')));
});
