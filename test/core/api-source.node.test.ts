import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MfaApiSource, type MfaApiSourceOptions } from '../../src/core/api-source.js';
import { MfaError } from '../../src/core/errors.js';
import { resolveOrigin } from '../../src/core/origin.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that records requests and answers from a queue (default: an empty list). */
function fakeFetch(answers: Array<() => Response> = []) {
  const seen: Seen[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    seen.push({
      url,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return answers.shift()?.() ?? new Response('[]', { status: 200 });
  };
  return { fetch, seen };
}
const respond = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status });
const source = (opts: Partial<MfaApiSourceOptions>, f = fakeFetch()) =>
  ({ src: new MfaApiSource({ domain: 'tenant.auth0.com', clientId: 'spa', ...opts, fetch: f.fetch }), ...f });
const rejects = async (promise: Promise<unknown>, code: string): Promise<MfaError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(MfaError.is(error, code), `expected ${code}, got ${String(error)}`);
    return error as MfaError;
  }
  assert.fail(`expected ${code}`);
};

describe('resolveOrigin', () => {
  it('accepts hosts and https or loopback http origins', () => {
    assert.equal(resolveOrigin('tenant.auth0.com'), 'https://tenant.auth0.com');
    assert.equal(resolveOrigin('https://login.example.com/'), 'https://login.example.com');
    assert.equal(resolveOrigin('http://127.0.0.1:4000'), 'http://127.0.0.1:4000');
    assert.equal(resolveOrigin('http://localhost:4000'), 'http://localhost:4000');
    assert.equal(resolveOrigin('http://[::1]:4000'), 'http://[::1]:4000');
  });
  it('refuses http off loopback, paths and credentials', () => {
    for (const bad of ['http://tenant.auth0.com', 'http://10.0.0.1', 'https://t.auth0.com/mfa', 'https://u:p@t.auth0.com', 'ftp://x', 'http://127.0.0.1.evil.com', '']) {
      assert.throws(() => resolveOrigin(bad), (e: unknown) => MfaError.is(e, 'invalid_uri'), bad);
    }
  });
});

describe('MfaApiSource requests', () => {
  it('sends at once when there is no getToken to ask: the request is out before the caller goes on (an element renders after asking)', async () => {
    const given = source({ accessToken: 'at' });
    const listing = given.src.listAuthenticators();
    assert.equal(given.seen.length, 1, 'fetch called in the same turn');
    await listing;
    const asked = source({ getToken: async () => ({ accessToken: 'fresh' }) });
    await asked.src.listAuthenticators();
    assert.equal(asked.seen[0]!.headers.authorization, 'Bearer fresh');
  });
  it('lists with the access token, else the mfa token, as a Bearer header', async () => {
    const both = source({ mfaToken: 'mfa', accessToken: 'at' });
    await both.src.listAuthenticators();
    assert.deepEqual([both.seen[0]!.url, both.seen[0]!.headers.authorization], ['https://tenant.auth0.com/mfa/authenticators', 'Bearer at']);
    const mfaOnly = source({ mfaToken: 'mfa' });
    await mfaOnly.src.listAuthenticators();
    assert.equal(mfaOnly.seen[0]!.headers.authorization, 'Bearer mfa');
    await rejects(source({}).src.listAuthenticators(), 'unsupported');
  });

  it('challenges with client_id and mfa_token in the JSON body and no Authorization header', async () => {
    const s = source({ mfaToken: 'mfa', accessToken: 'at' }, fakeFetch([respond(200, { challenge_type: 'oob', oob_code: 'o', binding_method: 'prompt' })]));
    assert.deepEqual(await s.src.challenge({ authenticatorId: 'sms|dev_1', challengeType: 'oob' }), {
      challengeType: 'oob', oobCode: 'o', bindingMethod: 'prompt',
    });
    const seen = s.seen[0]!;
    assert.equal(seen.headers.authorization, undefined);
    assert.equal(seen.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(seen.body!), { client_id: 'spa', mfa_token: 'mfa', authenticator_id: 'sms|dev_1', challenge_type: 'oob' });
  });

  it('verifies with a form-encoded grant, the access token standing in for a missing mfa token', async () => {
    const s = source({ accessToken: 'at' }, fakeFetch([respond(200, { access_token: 'new', scope: 'openid' })]));
    await s.src.verify({ type: 'otp', otp: '123456' });
    const seen = s.seen[0]!;
    assert.equal(seen.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(seen.body)), {
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', client_id: 'spa', mfa_token: 'at', otp: '123456',
    });
    assert.equal(seen.headers.authorization, undefined);
  });

  it('deletes with an encoded id and only with an access token', async () => {
    const none = source({ mfaToken: 'mfa' });
    await rejects(none.src.remove('sms|dev_1'), 'unsupported');
    assert.equal(none.seen.length, 0, 'no request without an access token');
    const s = source({ accessToken: 'at' }, fakeFetch([() => new Response(null, { status: 204 })]));
    await s.src.remove('sms|dev_1');
    assert.deepEqual([s.seen[0]!.method, s.seen[0]!.url], ['DELETE', 'https://tenant.auth0.com/mfa/authenticators/sms%7Cdev_1']);
    await rejects(s.src.remove('sms|../../x'), 'invalid_input');
  });

  it('adopts the access token of a grant whose scope covers the MFA API', async () => {
    const s = source(
      { mfaToken: 'mfa' },
      fakeFetch([respond(200, { access_token: 'mfa-api-at', scope: 'enroll read:authenticators remove:authenticators' })]),
    );
    assert.equal(s.src.hasAccessToken, false);
    await s.src.verify({ type: 'oob', oobCode: 'o', bindingCode: '123456' });
    assert.equal(s.src.hasAccessToken, true);
    await s.src.listAuthenticators();
    assert.equal(s.seen[1]!.headers.authorization, 'Bearer mfa-api-at');
    const other = source({ mfaToken: 'mfa' }, fakeFetch([respond(200, { access_token: 'app-at', scope: 'openid profile' })]));
    await other.src.verify({ type: 'otp', otp: '123456' });
    assert.equal(other.src.hasAccessToken, false);
  });

  it('asks getToken before each call and once more with forceRefresh after invalid_token', async () => {
    const calls: boolean[] = [];
    const getToken = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls.push(forceRefresh);
      return { accessToken: forceRefresh ? 'fresh' : 'stale' };
    };
    const s = source({ getToken }, fakeFetch([respond(401, { error: 'invalid_token' }), respond(200, [])]));
    assert.deepEqual(await s.src.listAuthenticators(), []);
    assert.deepEqual(calls, [false, true]);
    assert.deepEqual(s.seen.map((x) => x.headers.authorization), ['Bearer stale', 'Bearer fresh']);
    const twice = source({ getToken }, fakeFetch([respond(401, { error: 'expired_token' }), respond(401, { error: 'expired_token' })]));
    await rejects(twice.src.listAuthenticators(), 'expired_token');
    assert.equal(twice.seen.length, 2, 'retried exactly once');
  });

  it('refuses bad input and ticket mode before any request', async () => {
    const s = source({ accessToken: 'at' });
    await rejects(s.src.enroll({ factor: 'sms', phoneNumber: '555' }), 'invalid_input');
    await rejects(s.src.enroll({ factor: 'email', email: 'nope' }), 'invalid_input');
    await rejects(s.src.enroll({ factor: 'otp', mode: 'ticket' }), 'unsupported');
    assert.equal(s.seen.length, 0);
    assert.deepEqual(s.src.capabilities, { list: true, factors: false, associate: true, ticket: false, challenge: true, verify: true, remove: true });
  });

  it('normalizes the phone number in the associate body', async () => {
    const s = source({ accessToken: 'at' }, fakeFetch([respond(200, { authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'o', binding_method: 'prompt' })]));
    await s.src.enroll({ factor: 'sms', phoneNumber: '+1 (555) 555-0100' });
    assert.deepEqual(JSON.parse(s.seen[0]!.body!), { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550100' });
  });

  it('keeps a token that setTokens leaves undefined, and replaces the one it gives', async () => {
    const s = source({ mfaToken: 'mfa-1', accessToken: 'at-1' }, fakeFetch([respond(200, []), respond(200, { challenge_type: 'otp' }), respond(200, [])]));
    s.src.setTokens({ mfaToken: 'mfa-2' });
    await s.src.listAuthenticators();
    s.src.setTokens({ accessToken: 'at-2' });
    await s.src.challenge({ authenticatorId: 'totp|dev_1', challengeType: 'otp' });
    await s.src.listAuthenticators();
    assert.equal(s.seen[0]!.headers.authorization, 'Bearer at-1', 'the access token survives a new mfa token');
    assert.equal(JSON.parse(s.seen[1]!.body!).mfa_token, 'mfa-2', 'the mfa token survives a new access token');
    assert.equal(s.seen[2]!.headers.authorization, 'Bearer at-2');
  });

  it('adopts a grant token whose scope names either MFA API scope alone', async () => {
    for (const scope of ['enroll', 'openid  read:authenticators']) {
      const s = source({ mfaToken: 'mfa' }, fakeFetch([respond(200, { access_token: 'at', scope })]));
      await s.src.verify({ type: 'otp', otp: '123456' });
      assert.equal(s.src.hasAccessToken, true, scope);
    }
  });

  it('says what is missing: a client id, a token, a server for tickets, an access token to remove', async () => {
    assert.throws(
      () => new MfaApiSource({ domain: 'tenant.auth0.com', clientId: '' }),
      (e: unknown) => MfaError.is(e, 'invalid_input') && e.message === 'invalid_input: clientId is required',
    );
    assert.equal(new MfaApiSource({ domain: 'tenant.auth0.com', clientId: 'spa' }).audience, 'https://tenant.auth0.com/mfa/');
    assert.equal(new MfaApiSource({ domain: 'tenant.auth0.com', clientId: 'spa', audience: 'urn:mfa' }).audience, 'urn:mfa');
    const { src } = source({});
    assert.equal((await rejects(src.listAuthenticators(), 'unsupported')).message, 'unsupported: no mfaToken or accessToken was given');
    assert.match((await rejects(src.enroll({ factor: 'otp', mode: 'ticket' }), 'unsupported')).message, /needs a server \(proxy mode\)/);
    assert.match((await rejects(src.remove('sms|dev_1'), 'unsupported')).message, /needs an MFA access token \(remove:authenticators\)/);
  });

  it('does not send again after invalid_token when there is no getToken to ask', async () => {
    const s = source({ accessToken: 'at' }, fakeFetch([respond(401, { error: 'invalid_token' }), respond(200, [])]));
    await rejects(s.src.listAuthenticators(), 'invalid_token');
    assert.equal(s.seen.length, 1);
  });

  it('a getToken that throws fails the call as invalid_token with the cause, and passes an MfaError on as it is', async () => {
    const broken = new Error('refresh token revoked');
    const s = source({ getToken: async () => Promise.reject(broken) });
    const error = await rejects(s.src.listAuthenticators(), 'invalid_token');
    assert.equal(error.message, 'invalid_token: getToken() failed');
    assert.equal(error.cause, broken);
    const own = new MfaError('login_required');
    const t = source({ getToken: async () => Promise.reject(own) });
    assert.equal(await t.src.listAuthenticators().catch((e: unknown) => e), own);
    assert.equal(s.seen.length + t.seen.length, 0, 'nothing sent');
  });

  it('never exposes tokens in URLs, enumerable fields or errors', async () => {
    const s = source({ mfaToken: 'MFA-SECRET', accessToken: 'AT-SECRET' }, fakeFetch([respond(400, { error: 'invalid_request' })]));
    const error = await rejects(s.src.listAuthenticators(), 'invalid_request');
    const dump = JSON.stringify(s.src) + Object.keys(s.src).join() + error.message + JSON.stringify(error) + s.seen[0]!.url;
    assert.equal(/SECRET/.test(dump), false);
  });
});

describe('MfaApiSource: WebAuthn and Duo', () => {
  it('keeps such authenticators when a server lists them, and has no ticket for them (direct mode)', async () => {
    const { src } = source(
      { accessToken: 'AT' },
      fakeFetch([respond(200, [
        { id: 'totp|t', authenticator_type: 'otp', active: true },
        { id: 'webauthn-platform|p', authenticator_type: 'webauthn-platform', active: true, name: 'Touch ID' },
        { id: 'duo|d', authenticator_type: 'duo', active: true },
      ])]),
    );
    assert.deepEqual((await src.listAuthenticators()).map((a) => a.factor), ['otp', 'webauthn-platform', 'duo']);
    assert.equal(src.capabilities.ticket, false);
    for (const factor of ['webauthn-roaming', 'webauthn-platform', 'duo'] as const) await rejects(src.enroll({ factor, mode: 'ticket' }), 'unsupported');
  });
});
