/** The one masking rule for phone numbers and emails on screen (src/core/mask.ts), at its edges. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskEmail, maskedName, maskPhone } from '../../src/core/mask.js';

describe('maskPhone', () => {
  it('drops every separator people type, a no-break space and parentheses included', () => {
    assert.equal(maskPhone('+1 (555)\u00a0555-0100'), '+•••••••0100');
    assert.equal(maskPhone('+1.555.555.0100'), '+•••••••0100');
  });
  it('keeps a number without + unprefixed, and reads a server\'s x, X and * alike', () => {
    assert.equal(maskPhone('5555550100'), '••••••0100');
    assert.equal(maskPhone('+1xxxxxx0100'), '+•••••••0100');
    assert.equal(maskPhone('+1******0100'), '+•••••••0100');
  });
  it('shows four digits or fewer, and anything that is not a number, as it is (compacted)', () => {
    assert.equal(maskPhone('+1234'), '+1234');
    assert.equal(maskPhone('0100'), '0100');
    assert.equal(maskPhone('+1 555 CALL 0100'), '+1555CALL0100');
    assert.equal(maskPhone('+12345'), '+•2345');
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain, at least one dot for the rest', () => {
    assert.equal(maskEmail('ab@example.com'), 'a•@example.com');
    assert.equal(maskEmail('a@b@example.com'), 'a••@example.com', 'the last @ starts the domain');
  });
  it('does not show a server\'s own mask character as the first letter', () => {
    assert.equal(maskEmail('X***@example.com'), '••••@example.com');
    assert.equal(maskEmail('x***@example.com'), '••••@example.com');
    assert.equal(maskEmail('*@example.com'), '*•@example.com', 'a one-character local part is shown as it is');
  });
  it('leaves a text without a local part alone', () => {
    assert.equal(maskEmail('@example.com'), '@example.com');
    assert.equal(maskEmail(''), '');
  });
});

describe('maskedName', () => {
  it('masks phones for sms and voice, emails for email, and shows other names as they are', () => {
    assert.equal(maskedName({ factor: 'sms', name: '+15555550100' }), '+•••••••0100');
    assert.equal(maskedName({ factor: 'voice', name: '+1 555 555 0100' }), '+•••••••0100');
    assert.equal(maskedName({ factor: 'email', name: 'jane@example.com' }), 'j•••@example.com');
    assert.equal(maskedName({ factor: 'otp', name: 'jane@example.com' }), 'jane@example.com');
    assert.equal(maskedName({ factor: 'push', name: 'Pixel 8 +15555550100' }), 'Pixel 8 +15555550100');
  });
  it('is undefined without a name', () => {
    assert.equal(maskedName({ factor: 'sms', name: undefined }), undefined);
    assert.equal(maskedName({ factor: 'email', name: '' }), undefined);
  });
});
