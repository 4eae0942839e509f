import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatSecret, isBase32, isOtpauthUri, parseOtpauthUri, type TotpKeyUri } from '../../src/core/otpauth.js';
import { MfaError } from '../../src/core/errors.js';

const totp = (uri: string): TotpKeyUri => {
  const parsed = parseOtpauthUri(uri);
  assert.equal(parsed.kind, 'totp');
  return parsed as TotpKeyUri;
};
const invalid = (uri: string, pattern?: RegExp): void => {
  assert.throws(
    () => parseOtpauthUri(uri),
    (e: unknown) => MfaError.is(e, 'invalid_uri') && (!pattern || pattern.test(e.description ?? '')),
  );
};

describe('otpauth URIs', () => {
  it('parses Auth0\'s example with defaults', () => {
    const key = totp('otpauth://totp/tenant:user?secret=JBSWY3DPEHPK3PXP&issuer=tenant&algorithm=SHA1&digits=6&period=30');
    assert.equal(key.secret, 'JBSWY3DPEHPK3PXP');
    assert.equal(key.issuer, 'tenant');
    assert.equal(key.account, 'user');
    assert.deepEqual([key.algorithm, key.digits, key.period], ['SHA1', 6, 30]);
    assert.deepEqual(key.nonDefault, { algorithm: false, digits: false, period: false });
    assert.equal(key.issuerMismatch, false);
  });

  it('fills defaults when parameters are absent', () => {
    const key = totp('otpauth://totp/alice?secret=jbswy3dpehpk3pxp');
    assert.deepEqual([key.algorithm, key.digits, key.period, key.secret], ['SHA1', 6, 30, 'JBSWY3DPEHPK3PXP']);
    assert.equal(key.account, 'alice');
    assert.equal(key.issuer, undefined);
  });

  it('percent-decodes the label and lets the issuer parameter win over the label', () => {
    const key = totp('otpauth://totp/ACME%20Co%3Ajane%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme');
    assert.equal(key.account, 'jane@example.com');
    assert.equal(key.issuer, 'Acme');
    assert.equal(key.issuerMismatch, true);
    assert.equal(totp('otpauth://totp/Big%20Corp:%20bob?secret=JBSWY3DPEHPK3PXP').issuer, 'Big Corp');
  });

  it('flags non-default algorithm, digits and period', () => {
    const key = totp('otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=8&period=60');
    assert.deepEqual([key.algorithm, key.digits, key.period], ['SHA512', 8, 60]);
    assert.deepEqual(key.nonDefault, { algorithm: true, digits: true, period: true });
    assert.equal(totp('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256').algorithm, 'SHA256');
  });

  it('refuses other schemes, hotp and malformed input', () => {
    invalid('https://evil.example/totp?secret=JBSWY3DPEHPK3PXP', /scheme/);
    invalid('javascript:alert(1)', /scheme/);
    invalid('otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', /hotp/);
    invalid('otpauth://foo/x?secret=JBSWY3DPEHPK3PXP', /type/);
    invalid('not a uri');
    invalid('otpauth://totp/%E0%A4%A?secret=JBSWY3DPEHPK3PXP', /percent/);
  });

  it('validates the secret and the parameters', () => {
    invalid('otpauth://totp/x?issuer=a', /secret missing/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PX1', /base32/);
    invalid('otpauth://totp/x?secret=JBSWY3DP', /base32/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', /algorithm/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=4', /digits/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', /digits/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', /digits/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', /period/);
    invalid('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30', /period/);
  });

  it('recognises a Guardian push enrollment URI as its own kind', () => {
    const parsed = parseOtpauthUri(
      'otpauth://totp/tenant:user?enrollment_tx_id=qfjn2eiNYSjU3xID7dBYeCBSrdREWJPY&base_url=https%3A%2F%2Ftenant.guardian.auth0.com',
    );
    assert.deepEqual(parsed, {
      kind: 'guardian',
      uri: 'otpauth://totp/tenant:user?enrollment_tx_id=qfjn2eiNYSjU3xID7dBYeCBSrdREWJPY&base_url=https%3A%2F%2Ftenant.guardian.auth0.com',
      enrollmentTxId: 'qfjn2eiNYSjU3xID7dBYeCBSrdREWJPY',
      baseUrl: 'https://tenant.guardian.auth0.com',
      issuer: 'tenant',
      account: 'user',
    });
  });

  it('formats secrets in groups of four and checks base32 lengths', () => {
    assert.equal(formatSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
    assert.equal(formatSecret('jbsw y3dp-ehpk3pxpab=='), 'JBSW Y3DP EHPK 3PXP AB');
    assert.equal(formatSecret(''), '');
    assert.equal(isBase32('A'.repeat(32)), true);
    assert.equal(isBase32('A'.repeat(17)), false);
  });
});

describe('otpauth URIs: the edges (from the mutation run)', () => {
  const KEY = 'secret=JBSWY3DPEHPK3PXP';
  it('says which part is wrong when the text is no URI at all', () => {
    invalid('not a uri', /^not a URI$/);
  });
  it('trims the issuer parameter and the label\'s parts', () => {
    const key = totp(`otpauth://totp/Big%20Corp%20:%20bob%20?${KEY}&issuer=%20Acme%20`);
    assert.equal(key.issuer, 'Acme');
    assert.equal(key.account, 'bob');
    assert.equal(totp(`otpauth://totp/Big%20Corp%20:bob?${KEY}`).issuer, 'Big Corp');
  });
  it('reads an account after an empty issuer prefix without its colon', () => {
    const key = totp(`otpauth://totp/:bob?${KEY}`);
    assert.equal(key.account, 'bob');
    assert.equal(key.issuer, undefined);
  });
  it('flags a mismatch only when both the label and the parameter name an issuer, and they differ', () => {
    assert.equal(totp(`otpauth://totp/Acme:bob?${KEY}`).issuerMismatch, false, 'label only');
    assert.equal(totp(`otpauth://totp/bob?${KEY}&issuer=Acme`).issuerMismatch, false, 'parameter only');
    assert.equal(totp(`otpauth://totp/Acme:bob?${KEY}&issuer=Acme`).issuerMismatch, false, 'the same');
  });
  it('takes the algorithm written with a dash', () => {
    assert.equal(totp(`otpauth://totp/x?${KEY}&algorithm=sha-256`).algorithm, 'SHA256');
  });
  it('takes periods from 1 to 3600 seconds and no more', () => {
    assert.equal(totp(`otpauth://totp/x?${KEY}&period=1`).period, 1);
    assert.equal(totp(`otpauth://totp/x?${KEY}&period=3600`).period, 3600);
    invalid(`otpauth://totp/x?${KEY}&period=3601`, /period/);
  });
  it('reads an empty digits or period as the default, and refuses numbers with anything around them', () => {
    const key = totp(`otpauth://totp/x?${KEY}&digits=&period=`);
    assert.deepEqual([key.digits, key.period], [6, 30]);
    invalid(`otpauth://totp/x?${KEY}&digits=6x`, /digits/);
    invalid(`otpauth://totp/x?${KEY}&digits=x6`, /digits/);
  });
  it('a base32 secret is the alphabet from its first character to its last', () => {
    assert.equal(isBase32(`8${'A'.repeat(23)}`), false);
    assert.equal(isBase32(`${'A'.repeat(23)}8`), false);
    assert.equal(isBase32('A'.repeat(24)), true);
  });
  it('isOtpauthUri is true for otpauth: URIs only, and false for what is no URL', () => {
    assert.equal(isOtpauthUri(`otpauth://totp/x?${KEY}`), true);
    assert.equal(isOtpauthUri('https://example.com/'), false);
    assert.equal(isOtpauthUri('not a url'), false);
  });
});
