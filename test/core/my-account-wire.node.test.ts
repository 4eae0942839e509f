// The My Account API's answers read directly by the parser (src/core/my-account-wire.ts), without the
// emulator: which field of a list, enrollment or error answer becomes what, and which malformed field is
// refused with which message (the HTTP layer turns that message into the `bad_response` description).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  idFromLocation,
  parseFactors,
  parseMethod,
  parseMethodList,
  parseStarted,
  problemError,
  requireMethod,
} from '../../src/core/my-account-wire.js';

describe('my-account wire: one authentication method', () => {
  it('maps a TOTP method with every field it may carry', () => {
    assert.deepEqual(
      parseMethod({
        id: 'totp|dev_1',
        type: 'totp',
        confirmed: true,
        name: 'Work phone',
        email: 'not-the-name@example.com',
        phone_number: '+15550100',
        created_at: '2026-01-01T00:00:00Z',
        last_auth_at: '2026-02-01T00:00:00Z',
        usage: ['secondary', 'primary', 'tertiary'],
      }),
      {
        id: 'totp|dev_1',
        authenticatorType: 'otp',
        factor: 'otp',
        active: true,
        name: 'Work phone',
        createdAt: '2026-01-01T00:00:00Z',
        lastAuthenticatedAt: '2026-02-01T00:00:00Z',
        linkedIds: [],
        removable: true,
        usage: ['secondary', 'primary'],
        renamable: true,
      },
    );
  });

  it('an unconfirmed method is inactive; a method without `confirmed` (a passkey) is active', () => {
    assert.equal(parseMethod({ id: 'totp|dev_1', type: 'totp', confirmed: false })!.active, false);
    assert.equal(parseMethod({ id: 'totp|dev_1', type: 'totp' })!.active, true);
  });

  it('a phone goes by its preferred channel, SMS when it names none; its number is the name', () => {
    const voice = parseMethod({ id: 'phone|dev_2', type: 'phone', preferred_authentication_method: 'voice', phone_number: '+15550100', name: 'Desk' })!;
    assert.deepEqual(
      [voice.factor, voice.authenticatorType, voice.oobChannel, voice.preferredChannel, voice.name],
      ['voice', 'oob', 'voice', 'voice', '+15550100'],
    );
    const sms = parseMethod({ id: 'phone|dev_2', type: 'phone', name: 'Desk' })!;
    assert.deepEqual([sms.factor, sms.oobChannel, sms.preferredChannel, sms.name], ['sms', 'sms', 'sms', 'Desk']);
    assert.throws(() => parseMethod({ id: 'phone|dev_2', type: 'phone', preferred_authentication_method: 'fax' }), {
      name: 'TypeError',
      message: 'preferred_authentication_method: expected sms or voice',
    });
  });

  it('an email is named by its address, else by its name', () => {
    const withAddress = parseMethod({ id: 'email|dev_3', type: 'email', email: 'a@example.com', name: 'Other', phone_number: '+15550100' })!;
    assert.deepEqual([withAddress.factor, withAddress.authenticatorType, withAddress.oobChannel, withAddress.name], ['email', 'oob', 'email', 'a@example.com']);
    assert.equal(parseMethod({ id: 'email|dev_3', type: 'email', name: 'Named' })!.name, 'Named');
    assert.equal(parseMethod({ id: 'email|dev_3', type: 'email' })!.name, undefined);
  });

  it('push, recovery code and passkey types; only a recovery code cannot be renamed', () => {
    const push = parseMethod({ id: 'push|dev_4', type: 'push-notification', name: 'Pixel' })!;
    assert.deepEqual([push.factor, push.authenticatorType, push.oobChannel, push.renamable, 'passkey' in push], ['push', 'oob', 'auth0', true, false]);
    const recovery = parseMethod({ id: 'recovery-code|dev_5', type: 'recovery-code' })!;
    assert.deepEqual([recovery.factor, recovery.authenticatorType, recovery.oobChannel, recovery.renamable, recovery.removable], [
      'recovery-code',
      'recovery-code',
      undefined,
      false,
      true,
    ]);
    const passkey = parseMethod({ id: 'passkey|dev_6', type: 'passkey' })!;
    assert.deepEqual([passkey.factor, passkey.authenticatorType, passkey.passkey], ['passkey', 'passkey', {}]);
  });

  it('passkeys and WebAuthn keys carry their device fields, nothing absent as a key', () => {
    const key = parseMethod({
      id: 'webauthn-roaming|dev_7',
      type: 'webauthn-roaming',
      credential_device_type: 'single_device',
      credential_backed_up: false,
      aaguid: 'ee882879-721c-4913-9775-3dfcce97072a',
      transports: ['usb', 'nfc'],
      user_agent: 'Firefox',
    })!;
    assert.equal(key.factor, 'webauthn-roaming');
    assert.deepEqual(key.passkey, {
      deviceType: 'single_device',
      backedUp: false,
      aaguid: 'ee882879-721c-4913-9775-3dfcce97072a',
      transports: ['usb', 'nfc'],
      userAgent: 'Firefox',
    });
    const platform = parseMethod({ id: 'webauthn-platform|dev_8', type: 'webauthn-platform', credential_device_type: 'multi_device', credential_backed_up: true })!;
    assert.deepEqual(platform.passkey, { deviceType: 'multi_device', backedUp: true });
    assert.deepEqual(parseMethod({ id: 'webauthn-platform|dev_8', type: 'webauthn-platform' })!.passkey, {});
    assert.equal('passkey' in parseMethod({ id: 'totp|dev_1', type: 'totp', aaguid: 'x' })!, false);
  });

  it('refuses a malformed method with a message naming the field', () => {
    const refuses = (value: unknown, message: string) => assert.throws(() => parseMethod(value), { name: 'TypeError', message });
    refuses(null, 'authentication method: expected an object');
    refuses({ id: 'not an id', type: 'totp' }, 'id: not an authentication method id');
    refuses({ id: 'totp|dev_1', type: 'totp', confirmed: 'yes' }, 'confirmed: expected a boolean');
    refuses({ id: 'passkey|dev_6', type: 'passkey', credential_device_type: 'triple_device' }, 'credential_device_type: expected single_device or multi_device');
    refuses({ id: 'passkey|dev_6', type: 'passkey', credential_backed_up: 'yes' }, 'credential_backed_up: expected a boolean');
    refuses({ id: 'passkey|dev_6', type: 'passkey', transports: 'usb' }, 'transports: expected an array of strings');
    refuses({ id: 'passkey|dev_6', type: 'passkey', user_agent: 5 }, 'user_agent: expected a string');
    refuses({ id: 'passkey|dev_6', type: 'passkey', aaguid: 5 }, 'aaguid: expected a string');
    refuses({ id: 'totp|dev_1', type: 'totp', created_at: 5 }, 'created_at: expected a string');
    refuses({ id: 'totp|dev_1', type: 'totp', last_auth_at: 5 }, 'last_auth_at: expected a string');
    refuses({ id: 'email|dev_3', type: 'email', email: 5 }, 'email: expected a string');
    refuses({ id: 'phone|dev_2', type: 'phone', phone_number: 5 }, 'phone_number: expected a string');
    refuses({ id: 'phone|dev_2', type: 'phone', name: 5 }, 'name: expected a string');
  });
});

describe('my-account wire: lists', () => {
  it('a method list leaves out types that are no MFA method; a wrong shape is refused by name', () => {
    const list = parseMethodList({ authentication_methods: [{ id: 'password|1', type: 'password' }, { id: 'totp|dev_1', type: 'totp' }] });
    assert.deepEqual(list.map((m) => m.id), ['totp|dev_1']);
    assert.throws(() => parseMethodList({ methods: [] }), { message: 'authentication_methods: expected an array' });
  });

  it('an answer that must be a method refuses a type that is none', () => {
    assert.equal(requireMethod({ id: 'totp|dev_1', type: 'totp' }).factor, 'otp');
    assert.throws(() => requireMethod({ id: 'password|1', type: 'password' }), { name: 'TypeError', message: 'type: not an MFA method' });
  });

  it('factors: a phone offers SMS and voice, each factor once, unknown types left out', () => {
    assert.deepEqual(
      parseFactors({ factors: [{ type: 'phone' }, { type: 'totp' }, { type: 'phone' }, { type: 'totp' }, { type: 'password' }, { type: 'passkey' }] }),
      [
        { factor: 'sms', enabled: true },
        { factor: 'voice', enabled: true },
        { factor: 'otp', enabled: true },
        { factor: 'passkey', enabled: true },
      ],
    );
    assert.throws(() => parseFactors({ factor: [] }), { message: 'factors: expected an array' });
    assert.throws(() => parseFactors({ factors: ['totp'] }), { message: 'factor: expected an object' });
  });
});

describe('my-account wire: the start of an enrollment', () => {
  const creation = { challenge: 'Y2g', user: { id: 'dQ', name: 'u' }, rp: { name: 'Example', id: 'example.com' }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }] };

  it('keeps what the type returned, with no key for what it did not', () => {
    assert.deepEqual(parseStarted({ auth_session: 's1', id: 'totp|dev_1', barcode_uri: 'otpauth://totp/x', manual_input_code: 'ABCD' }), {
      authSession: 's1',
      id: 'totp|dev_1',
      barcodeUri: 'otpauth://totp/x',
      manualInputCode: 'ABCD',
    });
    assert.deepEqual(parseStarted({ auth_session: 's2', recovery_code: 'R1' }), { authSession: 's2', recoveryCode: 'R1' });
    assert.deepEqual(parseStarted({ auth_session: 's3', authn_params_public_key: creation }), { authSession: 's3', publicKey: creation });
    assert.throws(() => parseStarted({ id: 'totp|dev_1' }), { message: 'auth_session: expected a non-empty string' });
  });

  it('refuses passkey creation options missing any part navigator.credentials.create() needs', () => {
    const refused = (options: unknown) =>
      assert.throws(() => parseStarted({ auth_session: 's', authn_params_public_key: options }), {
        name: 'TypeError',
        message: 'authn_params_public_key: not creation options',
      });
    refused('options');
    refused({ ...creation, rp: undefined });
    refused({ ...creation, user: 'u' });
    refused({ ...creation, challenge: 5 });
    refused({ ...creation, user: { name: 'u' } });
    refused({ ...creation, rp: { id: 'example.com' } });
    refused({ ...creation, pubKeyCredParams: { type: 'public-key' } });
  });
});

describe('my-account wire: the id a Location header names', () => {
  it('is the last path segment, decoded, a trailing slash or another host notwithstanding', () => {
    assert.equal(idFromLocation('/me/v1/authentication-methods/totp%7Cdev_1'), 'totp|dev_1');
    assert.equal(idFromLocation('https://tenant.auth0.com/me/v1/authentication-methods/totp%7Cdev_1/'), 'totp|dev_1');
  });

  it('is undefined when there is no usable id', () => {
    assert.equal(idFromLocation(null), undefined);
    assert.equal(idFromLocation(''), undefined);
    assert.equal(idFromLocation('/'), undefined);
    assert.equal(idFromLocation('/me/v1/authentication-methods/not%20an%20id'), undefined);
    assert.equal(idFromLocation('/me/v1/authentication-methods/totp%7C%E0%A4%A'), undefined);
    assert.equal(idFromLocation('http://[bad'), undefined);
  });
});

describe('my-account wire: problem details as MfaError', () => {
  const none = new Headers();

  it('the code comes from the status', () => {
    const code = (status: number, verifying?: boolean, body: unknown = {}) => problemError(status, none, body, verifying).code;
    assert.equal(code(400), 'invalid_request');
    assert.equal(code(403), 'insufficient_scope');
    assert.equal(code(403, false, { detail: 'Not allowed' }), 'insufficient_scope');
    assert.equal(code(404), 'not_found');
    assert.equal(code(409), 'conflict');
    assert.equal(code(415), 'invalid_request');
    assert.equal(code(429), 'too_many_requests');
    assert.equal(code(500), 'server_unavailable');
    assert.equal(code(418), 'http_error');
  });

  it('a 401 is an expired token only when the text says so; a 403 on verify is a refused code unless about scopes', () => {
    assert.equal(problemError(401, none, { detail: 'Token Expired' }).code, 'expired_token');
    assert.equal(problemError(401, none, { detail: 'Bad token' }).code, 'invalid_token');
    assert.equal(problemError(401, none, {}).code, 'invalid_token');
    assert.equal(problemError(403, none, { detail: 'Invalid code' }, true).code, 'invalid_grant');
    assert.equal(problemError(403, none, {}, true).code, 'invalid_grant');
    assert.equal(problemError(403, none, { detail: 'Insufficient scope' }, true).code, 'insufficient_scope');
  });

  it("a proxy's own OAuth error code is kept when it is a code, not any text", () => {
    assert.equal(problemError(403, none, { error: 'csrf_failed', error_description: 'CSRF check failed' }).code, 'csrf_failed');
    assert.equal(problemError(403, none, { error: 'bad code' }).code, 'insufficient_scope');
    assert.equal(problemError(403, none, { error: 'Bad_code' }).code, 'insufficient_scope');
    assert.equal(problemError(403, none, { error: '9lives' }).code, 'insufficient_scope');
    assert.equal(problemError(403, none, { error: 5 }).code, 'insufficient_scope');
  });

  it('the description is detail, else title, else error_description; empty or non-text values are skipped', () => {
    const description = (body: unknown) => problemError(400, none, body).description;
    assert.equal(description({ detail: 'D', title: 'T', error_description: 'E' }), 'D');
    assert.equal(description({ title: 'T', error_description: 'E' }), 'T');
    assert.equal(description({ error_description: 'E' }), 'E');
    assert.equal(description({ detail: '', title: 'T' }), 'T');
    assert.equal(description({ detail: 5, title: 'T' }), 'T');
    assert.equal(description({ detail: { text: 'D' } }), undefined);
    assert.equal(description('<html>'), undefined);
    assert.equal(problemError(400, none, { detail: 'D' }).status, 400);
  });

  it('Retry-After is read on a 429 or whenever it is sent; attempts left only on a 429 with a whole number', () => {
    const headers = (init: Record<string, string>) => new Headers(init);
    assert.equal(problemError(503, headers({ 'retry-after': '7' }), {}).retryAfter, 7);
    assert.equal(problemError(429, headers({ 'retry-after': '7' }), {}).retryAfter, 7);
    // A reset in the past: "now", as the 429 tells, while another status does not read the reset at all.
    assert.equal(problemError(429, headers({ 'x-ratelimit-reset': '0' }), {}).retryAfter, 0);
    assert.equal(problemError(400, headers({ 'x-ratelimit-reset': '0' }), {}).retryAfter, undefined);
    const left = (status: number, remaining: string) => problemError(status, headers({ 'x-ratelimit-remaining': remaining }), {}).attemptsLeft;
    assert.equal(left(429, '12'), 12);
    assert.equal(left(429, '0'), 0);
    assert.equal(left(400, '12'), undefined);
    assert.equal(left(429, '2x'), undefined);
    assert.equal(left(429, 'x2'), undefined);
    assert.equal(left(429, 'many'), undefined);
    assert.equal(problemError(429, none, {}).attemptsLeft, undefined);
  });
});
