import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  associateBody,
  challengeBody,
  grantForm,
  GRANT_TYPES,
  parseAuthenticatorList,
  parseListedAuthenticator,
  parseChallenge,
  parseEnrollment,
  parseTokenResponse,
} from '../../src/core/wire.js';

describe('wire: authenticator list', () => {
  it('maps Auth0 docs example (singular oob_channel) to camelCase with factors', () => {
    const list = parseAuthenticatorList([
      { authenticator_type: 'recovery-code', id: 'recovery-code|dev_IsBj5j3H12VAdOIj', active: true },
      { authenticator_type: 'otp', id: 'totp|dev_nELLU4PFUiTW6iWs', active: true },
      { authenticator_type: 'oob', oob_channel: 'sms', id: 'sms|dev_sEe99pcpN0xp0yOO', name: '+1123XXXXX', active: true },
      { id: 'push|dev_ZUla9SQ6tAIHSz6y', authenticator_type: 'oob', active: true, oob_channel: 'auth0', name: 'Pixel' },
      { id: 'email|dev_NU1Ofuw3Cw0XCt5x', authenticator_type: 'oob', active: false, oob_channel: 'email', name: 'e@x.com' },
    ]);
    assert.deepEqual(
      list.map((a) => [a.id.split('|')[0], a.factor, a.authenticatorType, a.oobChannel, a.active, a.removable]),
      [
        ['recovery-code', 'recovery-code', 'recovery-code', undefined, true, false],
        ['totp', 'otp', 'otp', undefined, true, true],
        ['sms', 'sms', 'oob', 'sms', true, true],
        ['push', 'push', 'oob', 'auth0', true, true],
        ['email', 'email', 'oob', 'email', false, true],
      ],
    );
    assert.equal(list[2]!.name, '+1123XXXXX');
  });

  it('accepts oob_channels as a string and as an array', () => {
    const list = parseAuthenticatorList([
      { id: 'sms|a', authenticator_type: 'oob', oob_channels: 'sms', active: true },
      { id: 'voice|b', authenticator_type: 'oob', oob_channels: ['voice'], active: true },
      { id: 'email|c', authenticator_type: 'oob', active: true },
    ]);
    assert.deepEqual(list.map((a) => [a.factor, a.oobChannel]), [['sms', 'sms'], ['voice', 'voice'], ['email', undefined]]);
  });

  it('maps the optional fields nextjs-auth0 types (type, created_at, last_auth)', () => {
    const [a] = parseAuthenticatorList([
      { id: 'totp|x', authenticator_type: 'otp', active: true, type: 'otp', created_at: '2026-01-01T00:00:00Z', last_auth: '2026-02-01T00:00:00Z' },
    ]);
    assert.equal(a!.type, 'otp');
    assert.equal(a!.createdAt, '2026-01-01T00:00:00Z');
    assert.equal(a!.lastAuthenticatedAt, '2026-02-01T00:00:00Z');
    assert.deepEqual(a!.linkedIds, []);
  });

  it('skips authenticator types and channels it does not know instead of failing', () => {
    const list = parseAuthenticatorList([
      { id: 'webauthn|k', authenticator_type: 'webauthn', active: true },
      { id: 'duo|d', authenticator_type: 'oob', oob_channel: 'duo', active: true },
      { id: 'totp|t', authenticator_type: 'otp', active: true },
    ]);
    assert.deepEqual(list.map((a) => a.id), ['totp|t']);
  });

  it('keeps WebAuthn and Duo methods typed by their factor name (what createMfaProxy lists from the Management API)', () => {
    const list = parseAuthenticatorList([
      { id: 'webauthn-roaming|k', authenticator_type: 'webauthn-roaming', active: true, name: 'YubiKey' },
      { id: 'webauthn-platform|p', authenticator_type: 'webauthn-platform', active: false },
      { id: 'duo|d', authenticator_type: 'duo', active: true, created_at: '2026-12-07T00:00:00.000Z' },
    ]);
    assert.deepEqual(list.map((a) => [a.factor, a.authenticatorType, a.active, a.removable, a.linkedIds]), [
      ['webauthn-roaming', 'webauthn-roaming', true, true, []],
      ['webauthn-platform', 'webauthn-platform', false, true, []],
      ['duo', 'duo', true, true, []],
    ]);
    assert.equal(list[0]!.name, 'YubiKey');
    assert.equal(list[2]!.createdAt, '2026-12-07T00:00:00.000Z');
  });

  it('throws on a wrong shape', () => {
    assert.throws(() => parseAuthenticatorList({ authenticators: [] }), TypeError);
    assert.throws(() => parseAuthenticatorList([{ id: 'totp|t', authenticator_type: 'otp' }]), /active/);
    assert.throws(() => parseAuthenticatorList([{ id: 5, authenticator_type: 'otp', active: true }]), /id/);
    assert.throws(() => parseAuthenticatorList([null]), TypeError);
  });
});

describe('wire: associate responses', () => {
  it('otp with recovery codes', () => {
    assert.deepEqual(
      parseEnrollment({ authenticator_type: 'otp', secret: 'ABC', barcode_uri: 'otpauth://totp/x?secret=ABC', recovery_codes: ['R1'] }),
      { type: 'otp', factor: 'otp', secret: 'ABC', barcodeUri: 'otpauth://totp/x?secret=ABC', recoveryCodes: ['R1'] },
    );
  });

  it('sms, voice and email with binding_method prompt', () => {
    for (const channel of ['sms', 'voice', 'email'] as const) {
      assert.deepEqual(
        parseEnrollment({ authenticator_type: 'oob', binding_method: 'prompt', oob_channel: channel, oob_code: 'C' }),
        { type: 'oob', factor: channel, oobCode: 'C', bindingMethod: 'prompt' },
      );
    }
  });

  it('push with barcode_uri, interval and expires_in; channel auth0 is push', () => {
    assert.deepEqual(
      parseEnrollment({
        authenticator_type: 'oob', oob_channel: 'auth0', oob_code: 'P', barcode_uri: 'otpauth://totp/t:u?enrollment_tx_id=x',
        recovery_codes: ['R'], interval: 2, expires_in: 300,
      }),
      { type: 'oob', factor: 'push', oobCode: 'P', barcodeUri: 'otpauth://totp/t:u?enrollment_tx_id=x', recoveryCodes: ['R'], interval: 2, expiresIn: 300 },
    );
  });

  it('falls back to the requested factor when the channel is missing, and to oob_channels', () => {
    assert.equal(parseEnrollment({ authenticator_type: 'oob', oob_code: 'C', binding_method: 'prompt' }, 'voice').factor, 'voice');
    assert.equal(parseEnrollment({ authenticator_type: 'oob', oob_code: 'C', oob_channels: ['email'] }, 'sms').factor, 'email');
  });

  it('refuses incomplete responses', () => {
    assert.throws(() => parseEnrollment({ authenticator_type: 'otp', secret: 'A' }), /barcode_uri/);
    assert.throws(() => parseEnrollment({ authenticator_type: 'oob', oob_channel: 'auth0', oob_code: 'P' }), /barcode_uri/);
    assert.throws(() => parseEnrollment({ authenticator_type: 'oob', oob_code: 'P' }), /oob_channel/);
    assert.throws(() => parseEnrollment({ authenticator_type: 'webauthn' }), /authenticator_type/);
    assert.throws(() => parseEnrollment('<html>'), TypeError);
  });
});

describe('wire: challenge and token responses', () => {
  it('challenge otp, oob with prompt, push with interval', () => {
    assert.deepEqual(parseChallenge({ challenge_type: 'otp' }), { challengeType: 'otp' });
    assert.deepEqual(parseChallenge({ challenge_type: 'oob', oob_code: 'a', binding_method: 'prompt' }), {
      challengeType: 'oob', oobCode: 'a', bindingMethod: 'prompt',
    });
    assert.deepEqual(parseChallenge({ challenge_type: 'oob', oob_code: 'b', interval: 5, expires_in: 120 }), {
      challengeType: 'oob', oobCode: 'b', interval: 5, expiresIn: 120,
    });
    assert.throws(() => parseChallenge({ challenge_type: 'oob' }), /oob_code/);
    assert.throws(() => parseChallenge({ challenge_type: 'oob', oob_code: 'b', interval: '5' }), /interval/);
  });

  it('token response with a rotated recovery code', () => {
    assert.deepEqual(
      parseTokenResponse({
        access_token: 'A', id_token: 'I', scope: 'openid profile', expires_in: 86400,
        recovery_code: 'K6LGLV3RSH3VERMKET8L7QKU', token_type: 'Bearer',
      }),
      {
        tokens: { accessToken: 'A', idToken: 'I', scope: 'openid profile', expiresIn: 86400, tokenType: 'Bearer' },
        recoveryCode: 'K6LGLV3RSH3VERMKET8L7QKU',
      },
    );
    assert.deepEqual(parseTokenResponse({ access_token: 'A' }), { tokens: { accessToken: 'A' } });
    assert.throws(() => parseTokenResponse({ error: 'x' }), /access_token/);
  });
});

describe('wire: request bodies', () => {
  it('associate bodies for every inline factor', () => {
    assert.deepEqual(associateBody({ factor: 'otp' }), { authenticator_types: ['otp'] });
    assert.deepEqual(associateBody({ factor: 'sms', phoneNumber: '+15555550100' }), {
      authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550100',
    });
    assert.deepEqual(associateBody({ factor: 'voice', phoneNumber: '+15555550100' }), {
      authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+15555550100',
    });
    assert.deepEqual(associateBody({ factor: 'email', email: 'a@b.co' }), {
      authenticator_types: ['oob'], oob_channels: ['email'], email: 'a@b.co',
    });
    assert.deepEqual(associateBody({ factor: 'email' }), { authenticator_types: ['oob'], oob_channels: ['email'] });
    assert.deepEqual(associateBody({ factor: 'push' }), { authenticator_types: ['oob'], oob_channels: ['auth0'] });
    assert.throws(() => associateBody({ factor: 'otp', mode: 'ticket' }));
  });

  it('challenge body carries client_id and mfa_token, no secret', () => {
    assert.deepEqual(challengeBody('cid', 'tok', { authenticatorId: 'sms|1', challengeType: 'oob' }), {
      client_id: 'cid', mfa_token: 'tok', authenticator_id: 'sms|1', challenge_type: 'oob',
    });
    assert.equal('challenge_type' in challengeBody('cid', 'tok', { authenticatorId: 'sms|1' }), false);
  });

  it('grant forms for the three MFA grants', () => {
    assert.deepEqual(grantForm('c', 't', { type: 'otp', otp: '123456' }), {
      grant_type: GRANT_TYPES.otp, client_id: 'c', mfa_token: 't', otp: '123456',
    });
    assert.deepEqual(grantForm('c', 't', { type: 'oob', oobCode: 'o', bindingCode: '999' }), {
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-oob', client_id: 'c', mfa_token: 't', oob_code: 'o', binding_code: '999',
    });
    assert.equal('binding_code' in grantForm('c', 't', { type: 'oob', oobCode: 'o' }), false);
    assert.deepEqual(grantForm('c', 't', { type: 'recovery-code', recoveryCode: 'R' }), {
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-recovery-code', client_id: 'c', mfa_token: 't', recovery_code: 'R',
    });
  });
});

describe('wire: what a malformed or unknown answer gives', () => {
  it('skips authenticator types and channels added after this library, keeps the known ones', () => {
    assert.equal(parseListedAuthenticator({ id: 'webauthn|dev_1', authenticator_type: 'webauthn', active: true }), undefined);
    assert.equal(parseListedAuthenticator({ id: 'oob|dev_2', authenticator_type: 'oob', oob_channel: 'carrier-pigeon', active: true }), undefined);
    assert.deepEqual(parseListedAuthenticator({ id: 'totp|dev_3', authenticator_type: 'otp', active: false }), {
      id: 'totp|dev_3', authenticatorType: 'otp', active: false,
    });
    assert.deepEqual(parseListedAuthenticator({ id: 'sms|dev_4', authenticator_type: 'oob', oob_channel: 'sms', active: true, last_auth_at: '2026-11-22T12:00:00.000Z' }), {
      id: 'sms|dev_4', authenticatorType: 'oob', active: true, oobChannel: 'sms', lastAuthenticatedAt: '2026-11-22T12:00:00.000Z',
    });
  });

  it('names the part of the answer that has the wrong shape', () => {
    assert.throws(() => parseListedAuthenticator('totp|dev_1'), { name: 'TypeError', message: 'authenticator: expected an object' });
    assert.throws(() => parseAuthenticatorList({ authenticators: [] }), { message: 'authenticators: expected an array' });
    assert.throws(() => parseEnrollment(null), { message: 'enrollment: expected an object' });
    assert.throws(() => parseChallenge([]), { message: 'challenge: expected an object' });
    assert.throws(() => parseChallenge({ challenge_type: 'webauthn' }), { message: 'challenge_type: unexpected "webauthn"' });
    assert.throws(() => parseTokenResponse('ok'), { message: 'token response: expected an object' });
    assert.throws(() => associateBody({ factor: 'otp', mode: 'ticket' }), { message: 'a ticket enrollment has no associate body' });
  });

  it('leaves out a zero interval or expiry (the poller then takes its defaults), keeps positive ones', () => {
    assert.deepEqual(parseChallenge({ challenge_type: 'oob', oob_code: 'O', interval: 0, expires_in: 0 }), { challengeType: 'oob', oobCode: 'O' });
    assert.deepEqual(parseChallenge({ challenge_type: 'oob', oob_code: 'O', interval: 1, expires_in: 1 }), {
      challengeType: 'oob', oobCode: 'O', interval: 1, expiresIn: 1,
    });
  });

  it('maps every token field of a grant answer', () => {
    assert.deepEqual(parseTokenResponse({ access_token: 'at', id_token: 'id', refresh_token: 'rt', expires_in: 600, scope: 'enroll', token_type: 'Bearer', recovery_code: 'RC' }), {
      tokens: { accessToken: 'at', idToken: 'id', refreshToken: 'rt', expiresIn: 600, scope: 'enroll', tokenType: 'Bearer' },
      recoveryCode: 'RC',
    });
  });
});

describe('wire: field shapes, as a malformed answer reports them', () => {
  const listed = (fields: Record<string, unknown>) => () =>
    parseListedAuthenticator({ id: 'sms|dev_1', authenticator_type: 'oob', oob_channel: 'sms', active: true, ...fields });
  it('requires a non-empty string id, a boolean active, strings or null for optional text', () => {
    assert.throws(listed({ id: '' }), { message: 'id: expected a non-empty string' });
    assert.throws(listed({ id: 7 }), { message: 'id: expected a non-empty string' });
    assert.throws(listed({ active: 'true' }), { message: 'active: expected a boolean' });
    assert.throws(listed({ name: 5 }), { message: 'name: expected a string' });
    assert.deepEqual(listed({ name: null, created_at: undefined })(), { id: 'sms|dev_1', authenticatorType: 'oob', active: true, oobChannel: 'sms' });
    assert.equal(listed({ name: '' })()?.name, '');
    assert.throws(() => parseListedAuthenticator(null), { message: 'authenticator: expected an object' });
    assert.throws(() => parseListedAuthenticator(['sms|dev_1']), { message: 'authenticator: expected an object' });
  });
  it('takes only finite numbers, and null as absent', () => {
    const challenge = (interval: unknown) => parseChallenge({ challenge_type: 'oob', oob_code: 'O', interval });
    assert.throws(() => challenge(Infinity), { message: 'interval: expected a number' });
    assert.throws(() => challenge(Number.NaN), { message: 'interval: expected a number' });
    assert.throws(() => challenge('5'), { message: 'interval: expected a number' });
    assert.deepEqual(challenge(null), { challengeType: 'oob', oobCode: 'O' });
    assert.deepEqual(challenge(5), { challengeType: 'oob', oobCode: 'O', interval: 5 });
  });
  it('takes recovery codes only as an array of strings, and null as none', () => {
    const enrollment = (recovery_codes: unknown) =>
      parseEnrollment({ authenticator_type: 'otp', secret: 'S', barcode_uri: 'otpauth://totp/x?secret=S', recovery_codes });
    assert.throws(() => enrollment([1]), { message: 'recovery_codes: expected an array of strings' });
    assert.throws(() => enrollment('ABC'), { message: 'recovery_codes: expected an array of strings' });
    assert.throws(() => enrollment(['ABC', 1]), { message: 'recovery_codes: expected an array of strings' });
    assert.equal('recoveryCodes' in enrollment(null), false);
    assert.deepEqual((enrollment(['ABC']) as { recoveryCodes?: string[] }).recoveryCodes, ['ABC']);
  });
});
