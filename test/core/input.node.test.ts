import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
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
