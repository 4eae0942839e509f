import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MfaApiSource } from '../../src/core/api-source.js';
import { MfaError } from '../../src/core/errors.js';
import { start, type Harness } from '../emulator/helpers.js';
import { totp } from '../helpers/totp.js';

/**
 * MfaApiSource as a page uses it, against the emulator over real HTTP: every path, method and body
 * has to be one that Auth0's MFA API answers.
 */
let h: Harness;
before(async () => {
  // One emulator for the file (each test has its own user): its start-up is most of the file's time.
  h = await start();
});
after(() => h.close());

async function signedIn(): Promise<{ userId: string; mfaToken: string; accessToken: string }> {
  const user = await h.user();
  const tokens = await h.tokens(user.id);
  return { userId: user.id, mfaToken: tokens.mfa_token, accessToken: tokens.access_token };
}

describe('MfaApiSource against the emulator', () => {
  it('first enrollment with an mfa_token: associate, confirm, then list and remove with the access token the grant gave', async () => {
    const { mfaToken } = await signedIn();
    const source = new MfaApiSource({ domain: h.url, clientId: 'demo-spa', mfaToken });
    assert.equal(source.audience, `${h.url}/mfa/`);
    const enrollment = await source.enroll({ factor: 'otp' });
    assert.equal(enrollment.type, 'otp');
    const secret = enrollment.type === 'otp' ? enrollment.secret : '';
    assert.ok(enrollment.recoveryCodes?.length, 'a first enrollment brings a recovery code');
    assert.equal(source.hasAccessToken, false);
    const result = await source.verify({ type: 'otp', otp: await totp(secret, { time: h.now() }) });
    assert.match(result.tokens?.scope ?? '', /\benroll\b/);
    assert.equal(source.hasAccessToken, true, 'the grant covered the MFA API, so its access token is kept');

    const listed = await source.listAuthenticators();
    const otp = listed.filter((a) => a.factor === 'otp' && a.active);
    assert.equal(otp.length, 1);
    await source.remove(otp[0]!.id);
    assert.deepEqual((await source.listAuthenticators()).filter((a) => a.factor === 'otp'), []);
  });

  it('enrolls sms with the access token, confirms the texted code, then challenges and verifies it with the mfa_token', async () => {
    const { userId, mfaToken, accessToken } = await signedIn();
    const source = new MfaApiSource({ domain: h.url, clientId: 'demo-spa', accessToken, mfaToken });
    const enrollment = await source.enroll({ factor: 'sms', phoneNumber: '+1 (555) 555-0100' });
    assert.equal(enrollment.type, 'oob');
    const oobCode = enrollment.type === 'oob' ? enrollment.oobCode : '';
    await source.verify({ type: 'oob', oobCode, bindingCode: await h.lastCode(userId) });
    const sms = (await source.listAuthenticators()).find((a) => a.factor === 'sms' && a.active);
    assert.ok(sms, 'the sms authenticator is active');
    assert.match(sms.name ?? '', /0100$/, 'the (masked) number the user typed');

    const challenge = await source.challenge({ authenticatorId: sms.id, challengeType: 'oob' });
    assert.equal(challenge.challengeType, 'oob');
    const code = await h.lastCode(userId);
    const verified = await source.verify({ type: 'oob', oobCode: challenge.oobCode!, bindingCode: code });
    assert.ok(verified.tokens?.accessToken);
  });

  it('an unknown token is refused by the server with invalid_token, asked once, without getToken no retry', async () => {
        let requests = 0;
    const counting = (url: string | URL | Request, init?: RequestInit) => {
      requests++;
      return fetch(url, init);
    };
    const source = new MfaApiSource({ domain: h.url, clientId: 'demo-spa', accessToken: 'not-a-token', fetch: counting });
    await assert.rejects(source.listAuthenticators(), (e: unknown) => MfaError.is(e, 'invalid_token'));
    assert.equal(requests, 1);
  });
});
