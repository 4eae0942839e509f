import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MfaError } from '../../src/core/errors.js';
import {
  checkAuthenticatorId,
  checkEnrollInput,
  digitsOnly,
  groupCode,
  isAuthenticatorId,
  maskEmail,
  maskPhone,
  normalizeEmail,
  normalizeOtp,
  normalizePhone,
  normalizeRecoveryCode,
} from '../../src/core/input.js';

describe('input checks', () => {
  it('normalizes E.164 phone numbers', () => {
    assert.equal(normalizePhone('+1 (555) 555-0100'), '+15555550100');
    assert.equal(normalizePhone(' +44 20 7946 0958 '), '+442079460958');
    assert.equal(normalizePhone('+4915112345678'), '+4915112345678');
    assert.equal(normalizePhone('+1234567'), undefined, 'too short (7 digits)');
    assert.equal(normalizePhone('+12345678'), '+12345678', '8 digits is the minimum');
    assert.equal(normalizePhone('+1234567890123456'), undefined, '16 digits');
    assert.equal(normalizePhone('5555550100'), undefined, 'no +');
    assert.equal(normalizePhone('+05555550100'), undefined, 'country code cannot start with 0');
    assert.equal(normalizePhone('+1555abc0100'), undefined);
  });

  it('checks email addresses', () => {
    assert.equal(normalizeEmail(' jane@example.com '), 'jane@example.com');
    assert.equal(normalizeEmail('a.b+tag@sub.example.co.uk'), 'a.b+tag@sub.example.co.uk');
    for (const bad of ['jane', 'jane@', '@example.com', 'jane@example', 'ja ne@example.com', 'a@b@c.com', `${'a'.repeat(65)}@x.com`]) {
      assert.equal(normalizeEmail(bad), undefined, bad);
    }
  });

  it('takes an address of 254 characters and refuses 255 (the SMTP path limit)', () => {
    const of = (length: number) => `${'a'.repeat(64)}@${'b'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(length - 64 - 1 - 128)}`;
    assert.equal(of(254).length, 254);
    assert.equal(normalizeEmail(of(254)), of(254));
    assert.equal(normalizeEmail(of(255)), undefined);
  });

  it('checks one-time codes', () => {
    assert.equal(normalizeOtp('123 456'), '123456');
    assert.equal(normalizeOtp('123-456'), '123456');
    assert.equal(normalizeOtp('12345'), undefined);
    assert.equal(normalizeOtp('12345a'), undefined);
    assert.equal(normalizeOtp('12345678', 8), '12345678');
    assert.equal(normalizeOtp('123456', 8), undefined);
    assert.equal(digitsOnly('Code: 123-456'), '123456');
    assert.equal(digitsOnly('1234567890', 6), '123456');
  });

  it('normalizes recovery codes', () => {
    assert.equal(normalizeRecoveryCode('k6lg lv3r-sh3v erme kt8l 7qku'), 'K6LGLV3RSH3VERMEKT8L7QKU');
    assert.equal(normalizeRecoveryCode('K6LGLV3RSH3VERMEKT8L7QK'), undefined);
    assert.equal(normalizeRecoveryCode('K6LGLV3RSH3VERMEKT8L7QK!'), undefined);
    assert.equal(groupCode('K6LGLV3RSH3VERMEKT8L7QKU'), 'K6LG LV3R SH3V ERME KT8L 7QKU');
  });

  it('checks authenticator ids', () => {
    for (const ok of ['totp|dev_nELLU4PFUiTW6iWs', 'recovery-code|dev_x', 'sms|abc-123']) assert.equal(isAuthenticatorId(ok), true, ok);
    for (const bad of ['totp', '|x', 'totp|', 'totp|a/b', 'totp|a?b', 'totp|../x', 'TOTP|x', 'a b|c', 42]) {
      assert.equal(isAuthenticatorId(bad), false, String(bad));
    }
  });

  it('masks phone numbers and emails for display', () => {
    assert.equal(maskPhone('+15555550100'), '+•••••••0100');
    assert.equal(maskPhone('+1 555 555 0100'), '+•••••••0100');
    // Already masked by the server: the same rule, so a number looks the same in the flow and the list.
    assert.equal(maskPhone('+1XXXXXX0100'), '+•••••••0100');
    assert.equal(maskPhone('+49XXXXXXX5678'), '+•••••••••5678');
    assert.equal(maskEmail('j***@example.com'), 'j•••@example.com');
    assert.equal(maskEmail('jane.doe@example.com'), 'j•••••••@example.com');
    assert.equal(maskEmail('j@example.com'), 'j•@example.com');
    assert.equal(maskEmail('not-an-email'), 'not-an-email');
  });
});

describe('input checks: the edges', () => {
  it('a phone number is + and 8 to 15 digits, the first not 0, separators dropped, nothing around it', () => {
    assert.equal(normalizePhone('+1234567'), undefined);
    assert.equal(normalizePhone('+12345678'), '+12345678');
    assert.equal(normalizePhone('+123456789012345'), '+123456789012345');
    assert.equal(normalizePhone('+1234567890123456'), undefined);
    assert.equal(normalizePhone('+0123456789'), undefined);
    assert.equal(normalizePhone(' +1 (555) 555.0100 '), '+15555550100');
    assert.equal(normalizePhone('x+15555550100'), undefined);
    assert.equal(normalizePhone('+15555550100x'), undefined);
    assert.equal(normalizePhone('15555550100'), undefined);
  });
  it('an email has one @, at most 64 before it, a dotted domain, no spaces, at most 254 in all', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`; // 195 characters
    assert.equal(normalizeEmail(`${'a'.repeat(58)}@${domain}`)?.length, 254);
    assert.equal(normalizeEmail(`${'a'.repeat(59)}@${domain}`), undefined, '255 characters');
    assert.equal(normalizeEmail(`${'a'.repeat(64)}@b.co`)?.length, 69);
    assert.equal(normalizeEmail(`${'a'.repeat(65)}@b.co`), undefined, 'a 65-character local part');
    for (const bad of ['a@b', 'a@b.', 'a@.b', 'a b@c.de', 'a@@b.co', '@b.co', 'a@b..co', 'a@b .co']) assert.equal(normalizeEmail(bad), undefined, bad);
    assert.equal(normalizeEmail('  a@b.c.de  '), 'a@b.c.de');
  });
  it('a code is exactly its length of digits, separators ignored', () => {
    assert.equal(normalizeOtp('123 456'), '123456');
    assert.equal(normalizeOtp('12-34-56-78', 8), '12345678');
    for (const bad of ['12345', '1234567', 'abcdef', '12345a', 'a123456']) assert.equal(normalizeOtp(bad), undefined, bad);
    assert.equal(digitsOnly('Code: 123-456'), '123456');
    assert.equal(digitsOnly('1234567890'), '12345678');
    assert.equal(digitsOnly('1234567890', 6), '123456');
  });
  it('a recovery code is 24 letters or digits in any case and grouping; groups of four to show it', () => {
    assert.equal(normalizeRecoveryCode('abcd efgh-ijkl mnop qrst 1234'), 'ABCDEFGHIJKLMNOPQRST1234');
    for (const bad of ['A'.repeat(23), 'A'.repeat(25), `${'A'.repeat(23)}!`, `!${'A'.repeat(23)}`]) assert.equal(normalizeRecoveryCode(bad), undefined, bad);
    assert.equal(groupCode('ABCDEFGHIJ'), 'ABCD EFGH IJ');
    assert.equal(groupCode('ABCDEFG', 3), 'ABC DEF G');
    assert.equal(groupCode(''), '');
  });
  it('an authenticator id is a lower-case prefix, a bar and id characters, at most 256 in all', () => {
    for (const good of ['sms|dev_1', 'recovery-code|x', 'push|a.b:c+d=e-f', `sms|${'a'.repeat(252)}`]) assert.equal(isAuthenticatorId(good), true, good);
    for (const bad of ['Sms|x', '1sms|x', 'sms|', '|x', 'sms|a/b', 'sms|a?b', 'sms|a|b', 'sms|a b', `sms|${'a'.repeat(253)}`, 'smsx']) {
      assert.equal(isAuthenticatorId(bad), false, bad);
    }
    assert.equal(isAuthenticatorId(42), false);
    assert.throws(() => checkAuthenticatorId('../x'), (e: unknown) => MfaError.is(e, 'invalid_input') && e.message === 'invalid_input: not an authenticator id');
  });
  it('checkEnrollInput normalizes the phone or email, says what is wrong, and passes the rest on', () => {
    assert.deepEqual(checkEnrollInput({ factor: 'voice', phoneNumber: '+1 555 555 0100' }), { factor: 'voice', phoneNumber: '+15555550100' });
    assert.deepEqual(checkEnrollInput({ factor: 'email', email: ' a@b.co ' }), { factor: 'email', email: 'a@b.co' });
    assert.deepEqual(checkEnrollInput({ factor: 'email' }), { factor: 'email' });
    assert.deepEqual(checkEnrollInput({ factor: 'otp' }), { factor: 'otp' });
    assert.throws(() => checkEnrollInput({ factor: 'sms', phoneNumber: '555' }), { message: 'invalid_input: phone number must be E.164' });
    assert.throws(() => checkEnrollInput({ factor: 'email', email: 'nope' }), { message: 'invalid_input: invalid email address' });
  });
});

describe('input checks: the edges (from the mutation run)', () => {
  it('an email ends where its last domain part ends', () => {
    for (const bad of ['a@b.co x', 'a@b.co.', 'a@b.co@']) assert.equal(normalizeEmail(bad), undefined, bad);
  });
  it('a code is digits from its first character', () => {
    assert.equal(normalizeOtp('a12345'), undefined);
  });
  it('refuses inline enrollment of a factor that has none (passkeys, WebAuthn keys)', () => {
    for (const factor of ['passkey', 'webauthn-roaming'] as const) {
      assert.throws(() => checkEnrollInput({ factor } as never), (e: unknown) => MfaError.is(e, 'unsupported'), factor);
    }
  });
});
