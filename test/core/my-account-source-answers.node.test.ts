/**
 * MyAccountSource against a scripted My Account API: what it sends in direct and proxy mode, what it
 * makes of each kind of answer, and what it refuses before any request. The emulator tests
 * (my-account-source.node.test.ts) drive the same source through whole enrollments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MyAccountSource, type MyAccountSourceOptions } from '../../src/core/my-account-source.js';
import { rejects } from '../helpers/rejects.js';
import { scripted, type Answer, type Sent } from '../helpers/scripted-fetch.js';

const ME = '/me/v1/authentication-methods';
const STARTED = { status: 202, json: { auth_session: 'session-1', id: 'totp|dev_1', barcode_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', manual_input_code: 'JBSWY3DPEHPK3PXP' } };
const CREATION = { challenge: 'Y2g', user: { id: 'dQ', name: 'u' }, rp: { name: 'Example' }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }] };
const TOTP = { id: 'totp|dev_1', type: 'totp', confirmed: true };

function direct(routes: Record<string, Answer | ((sent: Sent) => Answer)>, options: Partial<MyAccountSourceOptions> = {}) {
  const { fetch, sent } = scripted(routes);
  return { source: new MyAccountSource({ domain: 'tenant.example.com', accessToken: 'at-1', fetch, ...options }), sent };
}

describe('MyAccountSource: configuration', () => {
  it('needs a domain or a baseUrl', () => {
    for (const options of [{}, { domain: '' }]) {
      assert.throws(() => new MyAccountSource(options), { name: 'MfaError', code: 'invalid_input', description: 'domain or baseUrl is required' });
    }
    assert.throws(() => new MyAccountSource({ baseUrl: '/me?x=1' }), { code: 'invalid_uri' });
  });

  it('direct mode: calls go to {origin}/me/v1 with the bearer token and no cookies; the audience is {origin}/me/', async () => {
    const { source, sent } = direct({ [`GET ${ME}`]: { json: { authentication_methods: [TOTP] } } });
    assert.equal(source.baseUrl, 'https://tenant.example.com/me/v1');
    assert.equal(source.audience, 'https://tenant.example.com/me/');
    assert.equal(source.hasAccessToken, true);
    assert.deepEqual((await source.listAuthenticators()).map((a) => a.id), ['totp|dev_1']);
    assert.equal(sent[0]!.url, `https://tenant.example.com${ME}`);
    assert.equal(sent[0]!.headers.get('authorization'), 'Bearer at-1');
    assert.equal(sent[0]!.headers.has('x-requested-with'), false);
    assert.equal(sent[0]!.credentials, 'omit');
  });

  it('proxy mode: the page origin base, the CSRF header and the session cookie, no token; a trimmed scope header when given', async () => {
    const { fetch, sent } = scripted({ [`GET /me/v1/factors`]: { json: { factors: [{ type: 'totp' }] } } });
    const source = new MyAccountSource({ baseUrl: '/me/v1/', scope: '  read:me:authentication_methods ', fetch });
    assert.equal(source.baseUrl, '/me/v1');
    assert.equal(source.audience, undefined);
    assert.equal(source.hasAccessToken, true);
    assert.deepEqual(await source.listFactors(), [{ factor: 'otp', enabled: true }]);
    assert.equal(sent[0]!.url, '/me/v1/factors');
    assert.equal(sent[0]!.headers.get('x-requested-with'), 'mfa-elements');
    assert.equal(sent[0]!.headers.get('scope'), 'read:me:authentication_methods');
    assert.equal(sent[0]!.headers.has('authorization'), false);
    assert.equal(sent[0]!.credentials, 'same-origin');
    await new MyAccountSource({ baseUrl: '/me/v1', scope: '   ', fetch }).listFactors();
    assert.equal(sent[1]!.headers.has('scope'), false);
  });

  it('says what it can do: no tickets, no login challenges, no re-list after a change', () => {
    assert.deepEqual({ ...direct({}).source.capabilities }, {
      list: true,
      factors: true,
      associate: true,
      ticket: false,
      challenge: false,
      verify: true,
      remove: true,
      rename: true,
      passkey: true,
      relist: false,
    });
  });

  it('an empty token is no token: nothing is sent; setToken gives and takes one', async () => {
    const { source, sent } = direct({ [`GET ${ME}`]: { json: { authentication_methods: [] } } }, { accessToken: '' });
    assert.equal(source.hasAccessToken, false);
    const missing = await rejects(source.listAuthenticators(), 'unsupported');
    assert.equal(missing.description, 'no accessToken was given');
    assert.equal(sent.length, 0);
    source.setToken('at-2');
    assert.equal(source.hasAccessToken, true);
    await source.listAuthenticators();
    assert.equal(sent[0]!.headers.get('authorization'), 'Bearer at-2');
    source.setToken('');
    assert.equal(source.hasAccessToken, false);
  });

  it('getToken: an answer without accessToken keeps the token; an empty one drops it', async () => {
    let answer: { accessToken?: string } = { accessToken: 'from-get-token' };
    const { source, sent } = direct({ [`GET ${ME}`]: { json: { authentication_methods: [] } } }, { accessToken: undefined, getToken: async () => answer as never });
    await source.listAuthenticators();
    answer = {};
    await source.listAuthenticators();
    assert.deepEqual(sent.map((s) => s.headers.get('authorization')), ['Bearer from-get-token', 'Bearer from-get-token']);
    answer = { accessToken: '' };
    await rejects(source.listAuthenticators(), 'unsupported');
    assert.equal(sent.length, 2);
  });

  it('getToken answering nothing keeps the configured token', async () => {
    const { source, sent } = direct({ [`GET ${ME}`]: { json: { authentication_methods: [] } } }, { getToken: async () => undefined });
    await source.listAuthenticators();
    assert.equal(sent[0]!.headers.get('authorization'), 'Bearer at-1');
  });

  it('uses the global fetch when given none', async (t) => {
    const { fetch, sent } = scripted({ [`GET ${ME}`]: { json: { authentication_methods: [] } } });
    t.mock.method(globalThis, 'fetch', fetch);
    assert.deepEqual(await new MyAccountSource({ domain: 'tenant.example.com', accessToken: 'at-1' }).listAuthenticators(), []);
    assert.equal(sent[0]!.url, `https://tenant.example.com${ME}`);
  });

  it("passes the caller's abort signal to the request", async () => {
    const { source } = direct({ [`GET ${ME}`]: { json: { authentication_methods: [] } } });
    const controller = new AbortController();
    controller.abort();
    await rejects(source.listAuthenticators({ signal: controller.signal }), 'aborted');
  });
});

describe('MyAccountSource: enroll', () => {
  it('sends the My Account type and the factor fields, the phone in canonical form', async () => {
    const { source, sent } = direct({
      [`POST ${ME}`]: (s) => ({ status: 202, json: { auth_session: 's', id: `${(s.body as { type: string }).type}|dev_1`, recovery_code: 'R', authn_params_public_key: CREATION } }),
    });
    await source.enroll({ factor: 'sms', phoneNumber: '+1 (555) 555-0100' });
    await source.enroll({ factor: 'voice', phoneNumber: '+15555550100' });
    await source.enroll({ factor: 'email', email: 'a@example.com' });
    await source.enroll({ factor: 'push' });
    await source.enroll({ factor: 'recovery-code' });
    await source.enroll({ factor: 'passkey' });
    assert.deepEqual(sent.map((s) => s.body), [
      { type: 'phone', phone_number: '+15555550100', preferred_authentication_method: 'sms' },
      { type: 'phone', phone_number: '+15555550100', preferred_authentication_method: 'voice' },
      { type: 'email', email: 'a@example.com' },
      { type: 'push-notification' },
      { type: 'recovery-code' },
      { type: 'passkey' },
    ]);
    assert.deepEqual(sent.map((s) => `${s.method} ${new URL(s.url).pathname}`), Array(6).fill(`POST ${ME}`));
  });

  it('refuses before any request what My Account cannot enroll', async () => {
    const { source, sent } = direct({});
    const ticket = await rejects(source.enroll({ factor: 'otp', mode: 'ticket' }), 'unsupported');
    assert.equal(ticket.description, 'My Account has no hosted enrollment ticket');
    const roaming = await rejects(source.enroll({ factor: 'webauthn-roaming' } as never), 'unsupported');
    assert.equal(roaming.description, 'webauthn-roaming cannot be enrolled through My Account');
    const email = await rejects(source.enroll({ factor: 'email' }), 'invalid_input');
    assert.equal(email.description, 'My Account needs the email address');
    await rejects(source.enroll({ factor: 'sms', phoneNumber: 'call me' }), 'invalid_input');
    assert.equal(sent.length, 0);
  });

  it('otp: the secret from manual_input_code, else from the barcode URI; either way the URI is needed', async () => {
    const answers: Answer[] = [
      STARTED,
      { status: 202, json: { auth_session: 's', id: 'totp|dev_1', barcode_uri: 'otpauth://totp/x?secret=KRSXG5CTMVRXEZLU' } },
      { status: 202, json: { auth_session: 's', id: 'totp|dev_1', manual_input_code: 'KRSXG5CTMVRXEZLU' } },
      { status: 202, json: { auth_session: 's', id: 'totp|dev_1', barcode_uri: 'not a URI' } },
      { status: 202, json: { auth_session: 's', id: 'totp|dev_1', barcode_uri: 'otpauth://totp/x' } },
    ];
    const { source } = direct({ [`POST ${ME}`]: () => answers.shift()! });
    assert.deepEqual(await source.enroll({ factor: 'otp' }), {
      type: 'otp',
      factor: 'otp',
      secret: 'JBSWY3DPEHPK3PXP',
      barcodeUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
    });
    const fromUri = await source.enroll({ factor: 'otp' });
    assert.equal(fromUri.type === 'otp' && fromUri.secret, 'KRSXG5CTMVRXEZLU');
    for (let i = 0; i < 3; i++) {
      const error = await rejects(source.enroll({ factor: 'otp' }), 'bad_response');
      assert.equal(error.description, 'no barcode_uri');
    }
  });

  it('oob: the method id is the handle; SMS, voice and email ask for a code, a push carries its QR URI', async () => {
    const answers: Answer[] = [
      { status: 202, json: { auth_session: 's', id: 'phone|dev_2' } },
      { status: 202, json: { auth_session: 's', id: 'push|dev_4', barcode_uri: 'otpauth://totp/push' } },
    ];
    const { source } = direct({ [`POST ${ME}`]: () => answers.shift()! });
    assert.deepEqual(await source.enroll({ factor: 'sms', phoneNumber: '+15555550100' }), { type: 'oob', factor: 'sms', oobCode: 'phone|dev_2', bindingMethod: 'prompt' });
    assert.deepEqual(await source.enroll({ factor: 'push' }), { type: 'oob', factor: 'push', oobCode: 'push|dev_4', barcodeUri: 'otpauth://totp/push' });
  });

  it('recovery code and passkey: the answer must carry the code or the creation options', async () => {
    const answers: Answer[] = [
      { status: 202, json: { auth_session: 's', id: 'recovery-code|dev_5', recovery_code: 'ABCD1234' } },
      { status: 202, json: { auth_session: 's', id: 'recovery-code|dev_5' } },
      { status: 202, json: { auth_session: 's', authn_params_public_key: CREATION }, headers: { location: `${ME}/passkey%7Cnew` } },
      { status: 202, json: { auth_session: 's' }, headers: { location: `${ME}/passkey%7Cnew` } },
    ];
    const { source } = direct({ [`POST ${ME}`]: () => answers.shift()! });
    assert.deepEqual(await source.enroll({ factor: 'recovery-code' }), { type: 'recovery-code', factor: 'recovery-code', recoveryCode: 'ABCD1234' });
    assert.equal((await rejects(source.enroll({ factor: 'recovery-code' }), 'bad_response')).description, 'no recovery_code');
    assert.deepEqual(await source.enroll({ factor: 'passkey' }), { type: 'passkey', factor: 'passkey', publicKey: CREATION });
    assert.equal((await rejects(source.enroll({ factor: 'passkey' }), 'bad_response')).description, 'no authn_params_public_key');
  });

  it("the id comes from Location's path first, else from the body; an answer with neither is refused", async () => {
    const answers: Answer[] = [
      { ...STARTED, headers: { location: `https://elsewhere.example${ME}/totp%7Cdev_9` } },
      { status: 202, json: { auth_session: 's', barcode_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' } },
    ];
    const { source, sent } = direct({ [`POST ${ME}`]: () => answers.shift()!, [`POST ${ME}/totp%7Cdev_9/verify`]: { json: TOTP } });
    await source.enroll({ factor: 'otp' });
    await source.verify({ type: 'otp', otp: '123456' });
    assert.equal(sent[1]!.url, `https://tenant.example.com${ME}/totp%7Cdev_9/verify`);
    const none = await rejects(source.enroll({ factor: 'otp' }), 'bad_response');
    assert.equal(none.description, 'no authentication method id in the response');
  });
});

describe('MyAccountSource: verify', () => {
  it('needs a pending enrollment; a failed enroll leaves none', async () => {
    const answers: Answer[] = [STARTED, { status: 500, json: { detail: 'down' } }];
    const { source, sent } = direct({ [`POST ${ME}`]: () => answers.shift()! });
    const none = await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    assert.equal(none.description, 'My Account verifies enrollments only; none is pending');
    await source.enroll({ factor: 'otp' });
    await rejects(source.enroll({ factor: 'otp' }), 'server_unavailable');
    await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    assert.equal(sent.length, 2);
  });

  it('sends the auth_session with the code, the binding code, or the passkey credential', async () => {
    const answers: Answer[] = [
      STARTED,
      { status: 202, json: { auth_session: 'session-2', id: 'email|dev_3' } },
      { status: 202, json: { auth_session: 'session-3', id: 'push|dev_4' } },
      { status: 202, json: { auth_session: 'session-4', authn_params_public_key: CREATION }, headers: { location: `${ME}/passkey%7Cnew` } },
    ];
    const verified: Record<string, unknown> = {
      'totp|dev_1': TOTP,
      'email|dev_3': { id: 'email|dev_3', type: 'email', confirmed: true, email: 'a@example.com' },
      'push|dev_4': { id: 'push|dev_4', type: 'push-notification', confirmed: true },
      'passkey|new': { id: 'passkey|dev_6', type: 'passkey', name: 'Laptop' },
    };
    const { source, sent } = direct({
      [`POST ${ME}`]: () => answers.shift()!,
      [`POST ${ME}/totp%7Cdev_1/verify`]: { json: verified['totp|dev_1'] },
      [`POST ${ME}/email%7Cdev_3/verify`]: { json: verified['email|dev_3'] },
      [`POST ${ME}/push%7Cdev_4/verify`]: { json: verified['push|dev_4'] },
      [`POST ${ME}/passkey%7Cnew/verify`]: { json: verified['passkey|new'] },
    });
    await source.enroll({ factor: 'otp' });
    assert.equal((await source.verify({ type: 'otp', otp: '123456' })).authenticator?.id, 'totp|dev_1');
    await source.enroll({ factor: 'email', email: 'a@example.com' });
    assert.equal((await source.verify({ type: 'oob', oobCode: 'email|dev_3', bindingCode: '654321' })).authenticator?.factor, 'email');
    await source.enroll({ factor: 'push' });
    assert.equal((await source.verify({ type: 'oob', oobCode: 'push|dev_4' })).authenticator?.factor, 'push');
    await source.enroll({ factor: 'passkey' });
    const credential = { id: 'cred', rawId: 'cred', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2M' } };
    const passkey = await source.verify({ type: 'passkey', credential: credential as never, name: 'Laptop' });
    assert.equal(passkey.authenticator?.id, 'passkey|dev_6');
    assert.deepEqual(sent.filter((s) => s.url.endsWith('/verify')).map((s) => s.body), [
      { auth_session: 'session-1', otp_code: '123456' },
      { auth_session: 'session-2', otp_code: '654321' },
      { auth_session: 'session-3' },
      { auth_session: 'session-4', authn_response: credential },
    ]);
    // The passkey already has the name asked for: no PATCH.
    assert.equal(sent.some((s) => s.method === 'PATCH'), false);
  });

  it('refuses before the request a code-less verify of a code factor, and a passkey without its credential', async () => {
    const answers: Answer[] = [
      { status: 202, json: { auth_session: 's', id: 'phone|dev_2' } },
      { status: 202, json: { auth_session: 's', id: 'email|dev_3' } },
      { status: 202, json: { auth_session: 's', authn_params_public_key: CREATION }, headers: { location: `${ME}/passkey%7Cnew` } },
      { status: 202, json: { auth_session: 's', id: 'phone|dev_7' } },
      STARTED,
    ];
    const { source, sent } = direct({ [`POST ${ME}`]: () => answers.shift()! });
    await source.enroll({ factor: 'sms', phoneNumber: '+15555550100' });
    assert.equal((await rejects(source.verify({ type: 'oob', oobCode: 'phone|dev_2' }), 'invalid_input')).description, 'a code is required');
    await source.enroll({ factor: 'email', email: 'a@example.com' });
    await rejects(source.verify({ type: 'oob', oobCode: 'email|dev_3' }), 'invalid_input');
    await source.enroll({ factor: 'passkey' });
    const passkey = await rejects(source.verify({ type: 'otp', otp: '123456' }), 'invalid_input');
    assert.equal(passkey.description, 'a passkey credential is required');
    await source.enroll({ factor: 'voice', phoneNumber: '+15555550100' });
    await rejects(source.verify({ type: 'recovery-code', recoveryCode: 'R' }), 'invalid_input');
    await source.enroll({ factor: 'otp' });
    await rejects(source.verify({ type: 'oob', oobCode: 'totp|dev_1' }), 'invalid_input');
    assert.equal(sent.length, 5);
  });

  it('a refused code on /verify is invalid_grant; the enrollment stays pending for the next try', async () => {
    const answers: Answer[] = [{ status: 403, json: { detail: 'Invalid otp_code.' } }, { json: TOTP }];
    const { source } = direct({ [`POST ${ME}`]: STARTED, [`POST ${ME}/totp%7Cdev_1/verify`]: () => answers.shift()! });
    await source.enroll({ factor: 'otp' });
    await rejects(source.verify({ type: 'otp', otp: '000000' }), 'invalid_grant');
    assert.equal((await source.verify({ type: 'otp', otp: '123456' })).authenticator?.id, 'totp|dev_1');
  });

  it('a passkey named otherwise than asked is renamed once, with the name asked for', async () => {
    const { source, sent } = direct({
      [`POST ${ME}`]: { status: 202, json: { auth_session: 's', authn_params_public_key: CREATION }, headers: { location: `${ME}/passkey%7Cnew` } },
      [`POST ${ME}/passkey%7Cnew/verify`]: { json: { id: 'passkey|dev_6', type: 'passkey', name: 'Chrome on Linux' } },
      [`PATCH ${ME}/passkey%7Cdev_6`]: (s) => ({ json: { id: 'passkey|dev_6', type: 'passkey', name: (s.body as { name: string }).name } }),
    });
    await source.enroll({ factor: 'passkey' });
    const { authenticator } = await source.verify({ type: 'passkey', credential: {} as never, name: 'Laptop' });
    assert.equal(authenticator?.name, 'Laptop');
    assert.deepEqual(sent.filter((s) => s.method === 'PATCH').map((s) => s.body), [{ name: 'Laptop' }]);
    await source.enroll({ factor: 'passkey' });
    assert.equal((await source.verify({ type: 'passkey', credential: {} as never })).authenticator?.name, 'Chrome on Linux');
    assert.equal(sent.filter((s) => s.method === 'PATCH').length, 1);
  });
});

describe('MyAccountSource: rename, channel, remove, challenge', () => {
  it('rename sends the trimmed name, 1 to 100 characters', async () => {
    const { source, sent } = direct({ [`PATCH ${ME}/totp%7Cdev_1`]: (s) => ({ json: { ...TOTP, name: (s.body as { name: string }).name } }) });
    assert.equal((await source.rename('totp|dev_1', ` ${'n'.repeat(100)} `)).name, 'n'.repeat(100));
    for (const name of ['', '   ', 'n'.repeat(101)]) {
      assert.equal((await rejects(source.rename('totp|dev_1', name), 'invalid_input')).description, 'name must be 1 to 100 characters');
    }
    await rejects(source.rename('not an id', 'Name'), 'invalid_input');
    assert.deepEqual(sent.map((s) => [s.method, s.body]), [['PATCH', { name: 'n'.repeat(100) }]]);
  });

  it('setPreferredChannel sends the channel, SMS or voice only', async () => {
    const { source, sent } = direct({
      [`PATCH ${ME}/phone%7Cdev_2`]: (s) => ({ json: { id: 'phone|dev_2', type: 'phone', ...(s.body as object) } }),
    });
    assert.equal((await source.setPreferredChannel('phone|dev_2', 'voice')).factor, 'voice');
    assert.equal((await source.setPreferredChannel('phone|dev_2', 'sms')).factor, 'sms');
    const fax = await rejects(source.setPreferredChannel('phone|dev_2', 'fax' as never), 'invalid_input');
    assert.equal(fax.description, 'channel must be sms or voice');
    assert.deepEqual(sent.map((s) => s.body), [{ preferred_authentication_method: 'voice' }, { preferred_authentication_method: 'sms' }]);
  });

  it('remove deletes the method by its encoded id and resolves to nothing', async () => {
    const { source, sent } = direct({ [`DELETE ${ME}/totp%7Cdev_1`]: { status: 204 } });
    assert.equal(await source.remove('totp|dev_1'), undefined);
    assert.deepEqual(sent.map((s) => `${s.method} ${s.url}`), [`DELETE https://tenant.example.com${ME}/totp%7Cdev_1`]);
  });

  it('challenge is refused: sign-in MFA stays with the MFA API', async () => {
    const error = await rejects(direct({}).source.challenge(), 'unsupported');
    assert.equal(error.description, 'My Account does not challenge; sign-in MFA stays with the MFA API');
  });
});
