import { expect } from '@open-wc/testing';
import { env } from '../helpers/env.js';
import { CLIENT_ID, emulator, type LoggedRequest, type TestUser, type UserSettings } from '../helpers/emulator.js';
import { totp } from '../helpers/totp.js';
import {
  MfaApiSource,
  MfaError,
  parseOtpauthUri,
  pollOob,
  type Authenticator,
  type MfaApiSourceOptions,
  type OobEnrollment,
  type OtpEnrollment,
  type TotpKeyUri,
} from '../../src/core/index.js';

const source = (options: Partial<MfaApiSourceOptions>): MfaApiSource =>
  new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, ...options });

async function expectError(promise: Promise<unknown>, code: string): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MfaError);
    expect((error as MfaError).code, (error as MfaError).message).to.equal(code);
    return error as MfaError;
  }
  throw new Error(`expected MfaError ${code}, the call succeeded`);
}

const byFactor = (list: Authenticator[], factor: Authenticator['factor']): Authenticator[] =>
  list.filter((a) => a.factor === factor);

/** A code for the next time step: the emulator accepts ±1 step and refuses a code used twice. */
const nextCode = (secret: string, key?: TotpKeyUri): Promise<string> =>
  totp(secret, {
    algorithm: key?.algorithm,
    digits: key?.digits,
    period: key?.period,
    time: Date.now() + (key?.period ?? 30) * 1000,
  });

/** How many token-endpoint calls (push polls) a user's log holds. */
const polls = (log: LoggedRequest[]) => log.filter((r) => r.path === '/oauth/token').length;

async function userWithAccess(settings?: UserSettings) {
  const { user, accessToken, mfaToken } = await emulator.freshUserWithAccessToken(settings);
  return { user, accessToken, mfaToken, src: source({ accessToken, mfaToken }) };
}

describe('MfaApiSource against the emulator', () => {
  afterEach(() => emulator.clearFaults());

  describe('list', () => {
    it('lists seeded authenticators with factor, twins and removability, cross-origin', async () => {
      expect(new URL(env.emulatorUrl).origin).to.not.equal(location.origin);
      const { user, src } = await userWithAccess();
      await emulator.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' });
      await emulator.seed(user.id, { factor: 'otp' });
      const list = await src.listAuthenticators();
      const [sms] = byFactor(list, 'sms');
      const [voice] = byFactor(list, 'voice');
      const [otp] = byFactor(list, 'otp');
      const [recovery] = byFactor(list, 'recovery-code');
      expect(sms!.id.startsWith('sms|')).to.equal(true);
      expect(sms!.oobChannel).to.equal('sms');
      expect(sms!.name).to.match(/0123$/);
      expect(sms!.linkedIds).to.deep.equal([voice!.id]);
      expect(voice!.linkedIds).to.deep.equal([sms!.id]);
      expect(otp!.linkedIds).to.deep.equal([]);
      expect(recovery!.removable).to.equal(false);
      expect(list.every((a) => a.active)).to.equal(true);
    });

    it('returns an empty list for a new user holding only an mfa_token', async () => {
      const { mfaToken } = await emulator.freshUserWithMfaToken();
      expect(await source({ mfaToken }).listAuthenticators()).to.deep.equal([]);
    });
  });

  describe('enroll', () => {
    it('otp: confirmed with a code computed from the secret; first enrollment brings recovery codes', async () => {
      const { mfaToken } = await emulator.freshUserWithMfaToken({ totp: { algorithm: 'SHA256', digits: 8, period: 30 } });
      const src = source({ mfaToken });
      const enrollment = (await src.enroll({ factor: 'otp' })) as OtpEnrollment;
      expect(enrollment.type).to.equal('otp');
      expect(enrollment.recoveryCodes).to.have.length(1);
      expect(enrollment.recoveryCodes![0]).to.match(/^[A-Z0-9]{24}$/);
      const key = parseOtpauthUri(enrollment.barcodeUri) as TotpKeyUri;
      expect([key.kind, key.secret, key.algorithm, key.digits]).to.deep.equal(['totp', enrollment.secret, 'SHA256', 8]);
      expect(key.nonDefault).to.deep.equal({ algorithm: true, digits: true, period: false });
      expect((await src.listAuthenticators())[0]!.active).to.equal(false);

      const wrong = await expectError(src.verify({ type: 'otp', otp: '00000000' }), 'invalid_grant');
      expect(wrong.attemptsLeft).to.be.a('number');
      const result = await src.verify({ type: 'otp', otp: await totp(key.secret, key) });
      expect(result.tokens?.accessToken).to.be.a('string');
      const list = await src.listAuthenticators();
      expect(list.map((a) => [a.factor, a.active])).to.have.deep.members([['otp', true], ['recovery-code', true]]);
    });

    for (const factor of ['sms', 'voice'] as const) {
      it(`${factor}: confirmed with the code from the outbox; the phone enrolls as an sms + voice pair`, async () => {
        const { user, src } = await userWithAccess();
        const enrollment = (await src.enroll({ factor, phoneNumber: '+1 555 555 0142' })) as OobEnrollment;
        expect([enrollment.type, enrollment.factor, enrollment.bindingMethod]).to.deep.equal(['oob', factor, 'prompt']);
        const [message] = await emulator.outbox({ userId: user.id });
        expect([message!.channel, message!.to]).to.deep.equal([factor, '+15555550142']);
        await expectError(src.verify({ type: 'oob', oobCode: enrollment.oobCode, bindingCode: '000000' }), 'invalid_grant');
        await src.verify({ type: 'oob', oobCode: enrollment.oobCode, bindingCode: message!.code });
        const list = await src.listAuthenticators();
        const [sms] = byFactor(list, 'sms');
        const [voice] = byFactor(list, 'voice');
        expect([sms!.active, voice!.active]).to.deep.equal([true, true]);
        expect(sms!.linkedIds).to.deep.equal([voice!.id]);
      });
    }

    it('email: confirmed with the emailed code', async () => {
      const { user, src } = await userWithAccess();
      const enrollment = (await src.enroll({ factor: 'email', email: 'second@example.com' })) as OobEnrollment;
      expect([enrollment.factor, enrollment.bindingMethod]).to.deep.equal(['email', 'prompt']);
      const [message] = await emulator.outbox({ userId: user.id, channel: 'email' });
      expect(message!.to).to.equal('second@example.com');
      await src.verify({ type: 'oob', oobCode: enrollment.oobCode, bindingCode: message!.code });
      const [email] = byFactor(await src.listAuthenticators(), 'email');
      expect([email!.active, email!.name]).to.deep.equal([true, 'second@example.com']);
    });

    it('push: Guardian URI, polled until approved through the control route; the linked TOTP comes along', async () => {
      // 1 s: the shortest interval the poller honours.
      const { user, src } = await userWithAccess({ pushInterval: 1 });
      const enrollment = (await src.enroll({ factor: 'push' })) as OobEnrollment;
      expect(enrollment.factor).to.equal('push');
      expect(enrollment.interval).to.equal(1);
      expect(parseOtpauthUri(enrollment.barcodeUri!).kind).to.equal('guardian');
      let pendings = 0;
      const polling = pollOob(src, {
        oobCode: enrollment.oobCode,
        interval: enrollment.interval,
        expiresIn: enrollment.expiresIn,
        onPending: () => pendings++,
      });
      const push = await emulator.waitForPendingPush(user.id);
      expect([push.oob_code, push.kind]).to.deep.equal([enrollment.oobCode, 'enroll']);
      await emulator.waitForRequests(user.id, (log) => polls(log) >= 2, 'two pending polls before the approval');
      await emulator.approvePush(push.oob_code);
      const result = await polling;
      expect(result.tokens?.accessToken).to.be.a('string');
      expect(pendings).to.be.greaterThan(1);
      const list = await src.listAuthenticators();
      const [pushAuth] = byFactor(list, 'push');
      const [otp] = byFactor(list, 'otp');
      expect([pushAuth!.active, otp!.active]).to.deep.equal([true, true]);
      expect(pushAuth!.linkedIds).to.deep.equal([otp!.id]);
    });

    it('an mfa_token cannot add a second factor: already_enrolled', async () => {
      const { user, mfaToken } = await emulator.freshUserWithMfaToken();
      await emulator.seed(user.id, { factor: 'otp' });
      await expectError(source({ mfaToken }).enroll({ factor: 'email' }), 'already_enrolled');
    });

    it('adopts the MFA access token after a first factor is confirmed, so a second factor can be enrolled', async () => {
      const { mfaToken } = await emulator.freshUserWithMfaToken();
      const src = source({ mfaToken });
      const first = (await src.enroll({ factor: 'otp' })) as OtpEnrollment;
      expect(src.hasAccessToken).to.equal(false);
      await src.verify({ type: 'otp', otp: await totp(first.secret) });
      expect(src.hasAccessToken).to.equal(true);
      const second = await src.enroll({ factor: 'email' });
      expect(second.factor).to.equal('email');
      await expectError(source({ mfaToken }).enroll({ factor: 'email' }), 'already_enrolled');
    });

    it('ticket mode is unsupported in direct mode', async () => {
      const { src } = await userWithAccess();
      await expectError(src.enroll({ factor: 'sms', mode: 'ticket' }), 'unsupported');
    });
  });

  describe('challenge and verify', () => {
    it('otp: challenge answers otp, verify with a computed code', async () => {
      const { user, src } = await userWithAccess();
      const { authenticators, secret } = await emulator.seed(user.id, { factor: 'otp' });
      expect(await src.challenge({ authenticatorId: authenticators[0]!.id })).to.deep.equal({ challengeType: 'otp' });
      const result = await src.verify({ type: 'otp', otp: await nextCode(secret!) });
      expect(result.tokens?.scope).to.contain('read:authenticators');
    });

    it('oob with a binding code sent by SMS', async () => {
      const { user, mfaToken } = await emulator.freshUserWithMfaToken();
      const { authenticators } = await emulator.seed(user.id, { factor: 'sms', phoneNumber: '+15555550177' });
      const src = source({ mfaToken });
      const sms = authenticators.find((a) => a.oob_channel === 'sms')!;
      const challenge = await src.challenge({ authenticatorId: sms.id, challengeType: 'oob' });
      expect([challenge.challengeType, challenge.bindingMethod]).to.deep.equal(['oob', 'prompt']);
      const code = await emulator.lastCode(user.id, 'sms');
      const result = await src.verify({ type: 'oob', oobCode: challenge.oobCode!, bindingCode: code });
      expect(result.tokens?.accessToken).to.be.a('string');
    });

    it('recovery code: returns the rotated code, and the used one stops working', async () => {
      const { user, mfaToken } = await emulator.freshUserWithMfaToken();
      const { recovery_code } = await emulator.seed(user.id, { factor: 'otp' });
      const src = source({ mfaToken });
      const result = await src.verify({ type: 'recovery-code', recoveryCode: recovery_code! });
      expect(result.recoveryCode).to.match(/^[A-Z0-9]{24}$/);
      expect(result.recoveryCode).to.not.equal(recovery_code);
      await expectError(src.verify({ type: 'recovery-code', recoveryCode: recovery_code! }), 'invalid_grant');
    });

    it('push: approve resolves the poll', async () => {
      const { user, src } = await userWithAccess({ pushInterval: 1 });
      const { authenticators } = await emulator.seed(user.id, { factor: 'push' });
      const challenge = await src.challenge({ authenticatorId: authenticators.find((a) => a.oob_channel === 'auth0')!.id });
      expect(challenge.bindingMethod).to.equal(undefined);
      expect(challenge.interval).to.equal(1);
      const polling = pollOob(src, { oobCode: challenge.oobCode!, interval: challenge.interval, expiresIn: challenge.expiresIn });
      const push = await emulator.waitForPendingPush(user.id);
      expect(push.kind).to.equal('challenge');
      await emulator.approvePush(push.oob_code);
      expect((await polling).tokens?.accessToken).to.be.a('string');
    });

    it('push: reject stops the poll with invalid_grant', async () => {
      const { user, src } = await userWithAccess({ pushInterval: 1 });
      const { authenticators } = await emulator.seed(user.id, { factor: 'push' });
      const challenge = await src.challenge({ authenticatorId: authenticators[0]!.id });
      const polling = pollOob(src, { oobCode: challenge.oobCode!, interval: challenge.interval });
      await emulator.rejectPush((await emulator.waitForPendingPush(user.id)).oob_code);
      await expectError(polling, 'invalid_grant');
    });

    it('push: polling faster than the interval gives slow_down; a pending push gives authorization_pending', async () => {
      const { user, src } = await userWithAccess({ pushInterval: 30 });
      const { authenticators } = await emulator.seed(user.id, { factor: 'push' });
      const challenge = await src.challenge({ authenticatorId: authenticators[0]!.id });
      expect(challenge.interval).to.equal(30);
      await expectError(src.verify({ type: 'oob', oobCode: challenge.oobCode! }), 'authorization_pending');
      await expectError(src.verify({ type: 'oob', oobCode: challenge.oobCode! }), 'slow_down');
    });

    it('push: an unanswered push ends with expired_token after the per-user ttl', async () => {
      const { user, src } = await userWithAccess({ pushInterval: 1, pushTtl: 2 });
      const { authenticators } = await emulator.seed(user.id, { factor: 'push' });
      const challenge = await src.challenge({ authenticatorId: authenticators[0]!.id });
      expect(challenge.expiresIn).to.equal(2);
      await expectError(pollOob(src, { oobCode: challenge.oobCode!, interval: challenge.interval, expiresIn: 5 }), 'expired_token');
      const polls = (await emulator.requests(user.id)).filter((r) => r.path === '/oauth/token');
      expect(polls.length).to.be.greaterThan(1);
    });

    it('abort stops a poll at once; no request follows', async () => {
      const { user, src } = await userWithAccess({ pushInterval: 1 });
      const { authenticators } = await emulator.seed(user.id, { factor: 'push' });
      const challenge = await src.challenge({ authenticatorId: authenticators[0]!.id });
      const controller = new AbortController();
      const polling = pollOob(src, { oobCode: challenge.oobCode!, interval: challenge.interval, signal: controller.signal });
      await emulator.waitForRequests(user.id, (log) => polls(log) >= 1, 'a first poll');
      controller.abort();
      await expectError(polling, 'aborted');
      const count = (await emulator.requests(user.id)).length;
      // "Nothing follows" over a window we can await: a second user's poller at the same interval
      // polls three more times, in which the aborted one would have polled again.
      const other = await userWithAccess({ pushInterval: 0.2 });
      const { authenticators: [otherPush] } = await emulator.seed(other.user.id, { factor: 'push' });
      const otherChallenge = await other.src.challenge({ authenticatorId: otherPush!.id });
      const stop = new AbortController();
      const otherPolling = pollOob(other.src, { oobCode: otherChallenge.oobCode!, interval: otherChallenge.interval, signal: stop.signal }).catch(() => {});
      await emulator.waitForRequests(other.user.id, (log) => polls(log) >= 3, "the other user's third poll");
      stop.abort();
      await otherPolling;
      expect((await emulator.requests(user.id)).length).to.equal(count);
    });
  });

  describe('remove', () => {
    it('deleting sms deletes its voice twin', async () => {
      const { user, src } = await userWithAccess();
      await emulator.seed(user.id, { factor: 'otp' });
      await emulator.seed(user.id, { factor: 'sms', phoneNumber: '+15555550199' });
      const [sms] = byFactor(await src.listAuthenticators(), 'sms');
      await src.remove(sms!.id);
      const list = await src.listAuthenticators();
      expect(list.map((a) => a.factor)).to.have.members(['otp', 'recovery-code']);
    });

    it('deleting push deletes the linked totp', async () => {
      const { user, src } = await userWithAccess();
      await emulator.seed(user.id, { factor: 'email', email: 'keep@example.com' });
      await emulator.seed(user.id, { factor: 'push' });
      const [push] = byFactor(await src.listAuthenticators(), 'push');
      await src.remove(push!.id);
      const list = await src.listAuthenticators();
      expect(list.map((a) => a.factor)).to.have.members(['email', 'recovery-code']);
    });

    it('needs an access token; refuses recovery codes; 404 for an unknown id', async () => {
      const { user, src, mfaToken } = await userWithAccess();
      await emulator.seed(user.id, { factor: 'otp' });
      const [recovery] = byFactor(await src.listAuthenticators(), 'recovery-code');
      await expectError(source({ mfaToken }).remove(recovery!.id), 'unsupported');
      await expectError(src.remove(recovery!.id), 'invalid_request');
      const missing = await expectError(src.remove('totp|dev_doesnotexist'), 'invalid_authenticator');
      expect(missing.status).to.equal(404);
    });
  });

  describe('errors', () => {
    let user: TestUser;
    let src: MfaApiSource;
    beforeEach(async () => {
      ({ user, src } = await userWithAccess());
    });
    const fault = (spec: Omit<Parameters<typeof emulator.fault>[0], 'user_id' | 'path'> & { path?: string }) =>
      emulator.fault({ path: '/mfa/authenticators', user_id: user.id, ...spec });

    it('401 invalid_token (a real one: a token the server does not know)', async () => {
      const error = await expectError(source({ accessToken: 'not-a-token' }).listAuthenticators(), 'invalid_token');
      expect(error.status).to.equal(401);
    });

    it('403 from the server keeps its code', async () => {
      await fault({ status: 403, body: { error: 'access_denied', error_description: 'Denied by rule' } });
      const error = await expectError(src.listAuthenticators(), 'access_denied');
      expect([error.status, error.description]).to.deep.equal([403, 'Denied by rule']);
    });

    it('429 with a code and Retry-After', async () => {
      await fault({ status: 429, body: { error: 'too_many_requests' }, headers: { 'retry-after': '17' } });
      const error = await expectError(src.listAuthenticators(), 'too_many_requests');
      expect(error.retryAfter).to.equal(17);
    });

    it('429 without a code → rate_limited, retryAfter from x-ratelimit-reset (a past reset waits 0)', async () => {
      // A reset an hour in the past gives an exact answer without reading the clock: wait 0, never
      // negative. The arithmetic for future resets, against a frozen clock, is in errors.node.test.ts.
      const reset = String(Math.floor(Date.now() / 1000) - 3_600);
      await fault({ status: 429, body: 'empty', headers: { 'x-ratelimit-reset': reset } });
      const error = await expectError(src.listAuthenticators(), 'rate_limited');
      expect(error.retryAfter).to.equal(0);
    });

    it('500 with an Auth0 body keeps server_error; an HTML 502 is server_unavailable', async () => {
      await fault({ status: 500 });
      expect((await expectError(src.listAuthenticators(), 'server_error')).status).to.equal(500);
      await fault({ status: 502, body: 'html' });
      const error = await expectError(src.listAuthenticators(), 'server_unavailable');
      expect(error.description).to.equal(undefined);
    });

    it('a malformed or HTML 200 body is bad_response', async () => {
      await fault({ status: 200, body: 'malformed' });
      await expectError(src.listAuthenticators(), 'bad_response');
      await fault({ status: 200, body: 'html' });
      await expectError(src.listAuthenticators(), 'bad_response');
      await fault({ path: '/mfa/associate', status: 200, body: { authenticator_type: 'otp' } });
      await expectError(src.enroll({ factor: 'otp' }), 'bad_response');
    });

    it('expired_token from the challenge endpoint (short mfa_token ttl) and a refresh through getToken', async () => {
      const short = await emulator.createUser({ settings: { mfaTokenTtl: 1 } });
      const { authenticators } = await emulator.seed(short.id, { factor: 'sms', phoneNumber: '+15555550111' });
      const stale = await emulator.login(short);
      await emulator.waitForClockPast((await emulator.now()) + 1_000, 'the 1 s mfa_token ttl');
      await expectError(source({ mfaToken: stale }).challenge({ authenticatorId: authenticators[0]!.id }), 'expired_token');
      const refreshes: boolean[] = [];
      const refreshing = source({
        getToken: async ({ forceRefresh }) => {
          refreshes.push(forceRefresh);
          return { mfaToken: forceRefresh ? await emulator.login(short) : stale };
        },
      });
      const challenge = await refreshing.challenge({ authenticatorId: authenticators[0]!.id });
      expect(challenge.challengeType).to.equal('oob');
      expect(refreshes).to.deep.equal([false, true]);
    });

    it('timeout and abort on a slow server', async () => {
      await fault({ latencyMs: 1_000 });
      await expectError(source({ accessToken: (await emulator.tokens(user.id)).accessToken, timeoutMs: 100 }).listAuthenticators(), 'timeout');
      await fault({ latencyMs: 1_000 });
      const controller = new AbortController();
      const listing = src.listAuthenticators({ signal: controller.signal });
      controller.abort(); // the request is in flight: the fault holds its answer for 1 s
      await expectError(listing, 'aborted');
    });

    it('network_error when nothing listens', async () => {
      const closed = new MfaApiSource({ domain: 'http://127.0.0.1:1', clientId: CLIENT_ID, accessToken: 'x' });
      await expectError(closed.listAuthenticators(), 'network_error');
    });
  });
});
