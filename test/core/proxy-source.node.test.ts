/** ProxySource on its own, against a scripted fetch: what it sends, and how it reads answers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../../src/core/errors.js';
import { authenticatorsFromFactors, parseFactorList, ProxySource } from '../../src/core/proxy-source.js';
import { rejects } from '../helpers/rejects.js';
import { scripted } from '../helpers/scripted-fetch.js';

const BASE = '/api/auth/mfa';

describe('ProxySource: requests', () => {
  it('sends the CSRF header, same-origin credentials and the optional bearer token', async () => {
    const { fetch, sent } = scripted({ [`GET ${BASE}/authenticators`]: { json: [] } });
    await new ProxySource({ baseUrl: `${BASE}/`, fetch }).listAuthenticators();
    const withToken = new ProxySource({ baseUrl: BASE, token: 'opaque', fetch });
    await withToken.listAuthenticators();
    assert.equal(sent[0]!.url, `${BASE}/authenticators`);
    assert.equal(sent[0]!.headers.get('x-requested-with'), 'mfa-elements');
    assert.equal(sent[0]!.credentials, 'same-origin');
    assert.equal(sent[0]!.headers.has('authorization'), false);
    assert.equal(sent[1]!.headers.get('authorization'), 'Bearer opaque');
    withToken.setToken(undefined);
    await withToken.listAuthenticators();
    assert.equal(sent[2]!.headers.has('authorization'), false);
  });

  it('builds the associate, challenge and verify bodies of DESIGN §2b', async () => {
    const { fetch, sent } = scripted({
      [`POST ${BASE}/associate`]: { json: { authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'OOB', binding_method: 'prompt' } },
      [`POST ${BASE}/challenge`]: { json: { challenge_type: 'oob', oob_code: 'OOB2', binding_method: 'prompt' } },
      [`POST ${BASE}/verify`]: { json: { success: true, recovery_code: 'NEWCODE' } },
    });
    const source = new ProxySource({ baseUrl: BASE, token: 'T', fetch });
    await source.enroll({ factor: 'sms', phoneNumber: '+44 20 7946 0958' });
    await source.challenge({ authenticatorId: 'sms|dev_1', challengeType: 'oob' });
    await source.verify({ type: 'otp', otp: '123456' });
    await source.verify({ type: 'oob', oobCode: 'OOB', bindingCode: '654321' });
    await source.verify({ type: 'oob', oobCode: 'PUSH' });
    const result = await source.verify({ type: 'recovery-code', recoveryCode: 'ABC' });
    assert.deepEqual(
      sent.map((s) => s.body),
      [
        { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+442079460958' },
        { authenticator_id: 'sms|dev_1', challenge_type: 'oob', mfa_token: 'T' },
        { otp: '123456' },
        { oob_code: 'OOB', binding_code: '654321' },
        { oob_code: 'PUSH' },
        { recovery_code: 'ABC' },
      ],
    );
    assert.deepEqual(result, { recoveryCode: 'NEWCODE' });
  });

  it('refuses bad input before any request', async () => {
    const { fetch, sent } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    await rejects(source.enroll({ factor: 'sms', phoneNumber: '0800 123' }), 'invalid_input');
    await rejects(source.enroll({ factor: 'email', email: 'nope' }), 'invalid_input');
    await rejects(source.remove('../../admin'), 'invalid_input');
    await rejects(source.challenge({ authenticatorId: 'no-bar' }), 'invalid_input');
    assert.equal(sent.length, 0);
  });

  it('URL-encodes ids in paths', async () => {
    const { fetch, sent } = scripted({ [`DELETE ${BASE}/authenticators/totp%7Cdev_A`]: { status: 204, text: '' } });
    await new ProxySource({ baseUrl: BASE, fetch }).remove('totp|dev_A');
    assert.equal(sent[0]!.url, `${BASE}/authenticators/totp%7Cdev_A`);
  });

  it('refuses base URLs that would leak the token or break path joining', () => {
    for (const bad of ['http://example.com/mfa', '//evil.example/mfa', '/mfa?x=1', '/mfa#frag', 'javascript:alert(1)', 'https://u:p@example.com/mfa']) {
      assert.throws(() => new ProxySource({ baseUrl: bad }), (e: unknown) => MfaError.is(e, 'invalid_uri'), bad);
    }
    assert.equal(new ProxySource({ baseUrl: 'https://app.example.com/api/mfa/' }).baseUrl, 'https://app.example.com/api/mfa');
    assert.equal(new ProxySource({ baseUrl: 'http://127.0.0.1:8000/mfa' }).baseUrl, 'http://127.0.0.1:8000/mfa');
  });
});

describe('ProxySource: missing routes and fallbacks', () => {
  it('405, an HTML 404 and a framework’s JSON 404 mean "no route"; a 404 with an error code is an answer', async () => {
    const { fetch, sent } = scripted({
      [`GET ${BASE}/authenticators`]: { status: 405, text: '' },
      [`GET ${BASE}`]: { json: [{ name: 'otp', enabled: true, enrollmentId: 'totp|dev_1' }] },
      [`DELETE ${BASE}/authenticators/totp%7Cdev_1`]: { status: 404, json: { message: 'Route DELETE:/x not found', error: 'Not Found', statusCode: 404 } },
      [`DELETE ${BASE}/totp%7Cdev_1`]: { status: 404, json: { error: 'invalid_authenticator', error_description: 'gone' } },
    });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    assert.deepEqual((await source.listAuthenticators()).map((a) => a.id), ['totp|dev_1']);
    assert.equal(source.capabilities.list, true);
    const error = await rejects(source.remove('totp|dev_1'), 'invalid_authenticator');
    assert.equal(error.status, 404);
    assert.equal(source.capabilities.remove, true);
    // Remembered: the second list and remove skip the routes known to be missing.
    await source.listAuthenticators();
    await rejects(source.remove('totp|dev_1'), 'invalid_authenticator');
    assert.deepEqual(
      sent.map((s) => `${s.method} ${s.url}`),
      [
        `GET ${BASE}/authenticators`,
        `GET ${BASE}`,
        `DELETE ${BASE}/authenticators/totp%7Cdev_1`,
        `DELETE ${BASE}/totp%7Cdev_1`,
        `GET ${BASE}`,
        `DELETE ${BASE}/totp%7Cdev_1`,
      ],
    );
  });

  it('falls back to a ticket when associate is missing, and checks the ticket URL', async () => {
    let ticketUrl = 'https://tenant.auth0.com/guardian/enroll?ticket=1';
    const { fetch, sent } = scripted({ [`POST ${BASE}`]: () => ({ json: { ticket_id: 't', ticket_url: ticketUrl } }) });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    assert.deepEqual(await source.enroll({ factor: 'push' }), { type: 'ticket', factor: 'push', ticketUrl });
    assert.deepEqual(sent.at(-1)!.body, { factor: 'push-notification' });
    assert.equal(source.capabilities.associate, false);
    for (const bad of [
      'http://tenant.auth0.com/guardian/enroll',
      'javascript:alert(1)',
      '/relative',
      'data:text/html,x',
      'https://tenant.auth0.com:x@evil.example/guardian/enroll',
      'https://user@tenant.auth0.com/guardian/enroll',
    ]) {
      ticketUrl = bad;
      await rejects(source.enroll({ factor: 'otp', mode: 'ticket' }), 'invalid_uri');
    }
    ticketUrl = 'http://127.0.0.1:4000/guardian/enroll?ticket=2';
    assert.equal((await source.enroll({ factor: 'sms', mode: 'ticket' })).type, 'ticket');
    assert.deepEqual(sent.at(-1)!.body, { factor: 'sms' });
  });

  it('throws unsupported when neither route exists, and turns the capability off', async () => {
    const { fetch } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    await rejects(source.listAuthenticators(), 'unsupported');
    await rejects(source.enroll({ factor: 'otp' }), 'unsupported');
    await rejects(source.remove('totp|x'), 'unsupported');
    await rejects(source.challenge({ authenticatorId: 'totp|x' }), 'unsupported');
    await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    // The recovery-code route was not asked for yet: optimistic, as every route is until it answers 404.
    assert.deepEqual(source.capabilities, { list: false, factors: false, associate: false, ticket: false, challenge: false, verify: false, remove: false, regenerate: true });
  });
});

describe('ProxySource: answers', () => {
  it('keeps Auth0 codes and Retry-After; turns sentence "codes" into status codes', async () => {
    const { fetch } = scripted({
      [`POST ${BASE}/verify`]: { status: 429, json: { error: 'too_many_attempts' }, headers: { 'retry-after': '42' } },
      [`GET ${BASE}`]: { status: 500, json: { error: 'Error fetching MFA Enrollments' } },
      [`POST ${BASE}`]: { status: 429, json: { error: 'Rate limit exceeded' } },
    });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    const limited = await rejects(source.verify({ type: 'otp', otp: '123456' }), 'too_many_attempts');
    assert.equal(limited.retryAfter, 42);
    const failed = await rejects(source.listFactors(), 'server_unavailable');
    assert.equal(failed.description, 'Error fetching MFA Enrollments');
    await rejects(source.enroll({ factor: 'otp', mode: 'ticket' }), 'rate_limited');
  });

  it('rejects malformed answers as bad_response', async () => {
    const { fetch } = scripted({
      [`GET ${BASE}/authenticators`]: { json: { not: 'an array' } },
      [`POST ${BASE}/verify`]: { json: { success: false } },
    });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    await rejects(source.listAuthenticators(), 'bad_response');
    await rejects(source.verify({ type: 'otp', otp: '123456' }), 'bad_response');
  });

  it('parses factor lists in Guardian or library names', () => {
    const factors = parseFactorList([
      { name: 'push-notification', enabled: true, trial_expired: false },
      { name: 'sms', enabled: true, enrollmentId: 'phone|dev_1' },
      { name: 'voice', enabled: true, enrollmentId: 'phone|dev_1' },
      { name: 'webauthn-roaming', enabled: true },
      { name: 'otp', enabled: false },
      { name: 'push', enabled: false },
    ]);
    assert.deepEqual(factors, [
      { factor: 'push', enabled: true },
      { factor: 'sms', enabled: true, enrollmentId: 'phone|dev_1' },
      { factor: 'voice', enabled: true, enrollmentId: 'phone|dev_1' },
      // Seed 000's Lab router offers WebAuthn keys (enrolled through the ticket): no longer dropped.
      { factor: 'webauthn-roaming', enabled: true },
      { factor: 'otp', enabled: false },
    ]);
    assert.throws(() => parseFactorList([{ name: 'otp' }]), TypeError);
    // One authenticator per enrollment: the phone shows once, under the first factor naming it.
    assert.deepEqual(authenticatorsFromFactors(factors), [
      { id: 'phone|dev_1', authenticatorType: 'oob', factor: 'sms', active: true, linkedIds: [], removable: true, oobChannel: 'sms' },
    ]);
  });
});

describe('ProxySource: options and what it says', () => {
  it('push: false refuses push before any request, says so in capabilities, and leaves other factors alone', async () => {
    const { fetch, sent } = scripted({
      [`POST ${BASE}/associate`]: { json: { authenticator_type: 'oob', oob_channel: 'email', oob_code: 'O', binding_method: 'prompt' } },
      [`POST ${BASE}/challenge`]: { json: { challenge_type: 'oob', oob_code: 'O2' } },
    });
    const source = new ProxySource({ baseUrl: BASE, fetch, push: false });
    assert.equal(source.capabilities.push, false);
    const enroll = await rejects(source.enroll({ factor: 'push' }), 'unsupported');
    assert.equal(enroll.message, 'unsupported: push cannot be completed through this proxy (option push: false)');
    await rejects(source.enroll({ factor: 'push', mode: 'ticket' }), 'unsupported');
    await rejects(source.challenge({ authenticatorId: 'push|dev_1' }), 'unsupported');
    assert.equal(sent.length, 0);
    await source.enroll({ factor: 'email', email: 'a@example.com' });
    await source.challenge({ authenticatorId: 'email|dev_1' });
    assert.deepEqual(sent.map((s) => s.url), [`${BASE}/associate`, `${BASE}/challenge`]);
    // By default push goes through like any factor.
    const open = new ProxySource({ baseUrl: BASE, fetch });
    assert.equal('push' in open.capabilities, false);
    await open.challenge({ authenticatorId: 'push|dev_1' });
    assert.equal(sent.at(-1)!.body && (sent.at(-1)!.body as { authenticator_id: string }).authenticator_id, 'push|dev_1');
  });

  it('challenges with the authenticator’s own type when none is given, and a new token from setToken', async () => {
    const { fetch, sent } = scripted({ [`POST ${BASE}/challenge`]: { json: { challenge_type: 'otp' } } });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    await source.challenge({ authenticatorId: 'totp|dev_1' });
    await source.challenge({ authenticatorId: 'sms|dev_2' });
    source.setToken('T2');
    await source.challenge({ authenticatorId: 'sms|dev_2', challengeType: 'oob' });
    assert.deepEqual(sent.map((s) => s.body), [
      { authenticator_id: 'totp|dev_1', challenge_type: 'otp' },
      { authenticator_id: 'sms|dev_2', challenge_type: 'oob' },
      { authenticator_id: 'sms|dev_2', challenge_type: 'oob', mfa_token: 'T2' },
    ]);
    assert.equal(sent[2]!.headers.get('authorization'), 'Bearer T2');
  });

  it('regenerates a recovery code with POST {base}/recovery-code, and says which route is missing', async () => {
    const { fetch, sent } = scripted({ [`POST ${BASE}/recovery-code`]: { json: { recovery_code: 'NEWCODE123' } } });
    assert.equal(await new ProxySource({ baseUrl: BASE, fetch }).regenerateRecoveryCode(), 'NEWCODE123');
    assert.deepEqual([sent[0]!.method, sent[0]!.url, sent[0]!.body], ['POST', `${BASE}/recovery-code`, {}]);
    const bad = scripted({ [`POST ${BASE}/recovery-code`]: { json: ['NEWCODE123'] } });
    assert.match((await rejects(new ProxySource({ baseUrl: BASE, fetch: bad.fetch }).regenerateRecoveryCode(), 'bad_response')).message, /recovery-code: expected an object/);
    const none = new ProxySource({ baseUrl: BASE, fetch: scripted({}).fetch });
    const missing = await rejects(none.regenerateRecoveryCode(), 'unsupported');
    assert.equal(missing.message, 'unsupported: the proxy has no POST {base}/recovery-code route');
    assert.equal(missing.status, 404);
    assert.equal(none.capabilities.regenerate, false);
  });

  it('asks a missing route once: later calls go straight to the fallback', async () => {
    const { fetch, sent } = scripted({ [`GET ${BASE}`]: { json: [{ name: 'otp', enabled: true, enrollmentId: 'totp|dev_1' }] } });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    await source.listAuthenticators();
    await source.listAuthenticators();
    assert.deepEqual(sent.map((s) => `${s.method} ${s.url}`), [`GET ${BASE}/authenticators`, `GET ${BASE}`, `GET ${BASE}`]);
    const gone = await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    await rejects(source.verify({ type: 'otp', otp: '123456' }), 'unsupported');
    assert.equal(sent.filter((s) => s.url === `${BASE}/verify`).length, 1, 'verify asked once');
    assert.equal(gone.message, 'unsupported: the proxy has no POST {base}/verify route');
  });

  it('refuses a hosted enrollment of a factor that has none, before any request', async () => {
    const { fetch, sent } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    for (const factor of ['recovery-code', 'webauthn']) {
      const error = await rejects(source.enroll({ factor, mode: 'ticket' } as never), 'invalid_input');
      assert.equal(error.message, 'invalid_input: this factor has no hosted enrollment');
    }
    assert.equal(sent.length, 0);
  });

  it('a lower-case sentence in `error` is not a code: the status decides, the text is kept', async () => {
    const { fetch } = scripted({ [`POST ${BASE}/verify`]: { status: 429, json: { error: 'rate limit exceeded' } } });
    const error = await rejects(new ProxySource({ baseUrl: BASE, fetch }).verify({ type: 'otp', otp: '123456' }), 'rate_limited');
    assert.equal(error.description, 'rate limit exceeded');
  });

  it('names the part of a malformed answer, and takes an exposed access token as success', async () => {
    const { fetch } = scripted({
      [`GET ${BASE}`]: { json: { factors: [] } },
      [`POST ${BASE}`]: { json: ['https://tenant.example/ticket'] },
      [`POST ${BASE}/verify`]: { json: 'ok' },
    });
    const source = new ProxySource({ baseUrl: BASE, fetch });
    assert.match((await rejects(source.listFactors(), 'bad_response')).message, /factors: expected an array/);
    assert.match((await rejects(source.enroll({ factor: 'otp', mode: 'ticket' }), 'bad_response')).message, /ticket: expected an object/);
    assert.match((await rejects(source.verify({ type: 'otp', otp: '123456' }), 'bad_response')).message, /verify response: expected an object/);
    assert.throws(() => parseFactorList(['otp']), { message: 'factor: expected an object' });
    const tokens = scripted({ [`POST ${BASE}/verify`]: { json: { access_token: 'AT', expires_in: 60 } } });
    const result = await new ProxySource({ baseUrl: BASE, fetch: tokens.fetch }).verify({ type: 'otp', otp: '123456' });
    assert.equal(result.tokens?.accessToken, 'AT');
    const refused = scripted({ [`POST ${BASE}/verify`]: { json: { success: false } } });
    assert.match((await rejects(new ProxySource({ baseUrl: BASE, fetch: refused.fetch }).verify({ type: 'otp', otp: '123456' }), 'bad_response')).message, /success: expected true/);
  });

  it('cleans the base URL it is given and says why it refuses one', () => {
    assert.equal(new ProxySource({ baseUrl: '  /api/auth/mfa//  ' }).baseUrl, '/api/auth/mfa');
    assert.equal(new ProxySource({ baseUrl: '/api/mfa:v1' }).baseUrl, '/api/mfa:v1');
    const message = (baseUrl: string): string => {
      try {
        new ProxySource({ baseUrl });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    assert.equal(message('/mfa?x=1'), 'invalid_uri: proxy URL must not have a query or fragment');
    assert.equal(message('//evil.example/mfa'), 'invalid_uri: use a path (/api/auth/mfa) or a full URL');
  });
});
