import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { newTotpSecret, totpCode, totpUri, verifyTotp, type TotpAlgorithm } from '../../src/emulator/totp.js';

// An implementation independent of the emulator's (written apart, with a bit-string base32 instead of
// its shift register): RFC 4226 §5.3 dynamic truncation over node:crypto HMAC.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Encode(bytes: Buffer): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '')) {
    const value = ALPHABET.indexOf(char.toUpperCase());
    assert.ok(value >= 0, `not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function referenceTotp(key: Buffer, algorithm: TotpAlgorithm, digits: number, period: number, unixSeconds: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / period)));
  const mac = createHmac(algorithm.toLowerCase(), key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

// RFC 6238 Appendix B: the ASCII seeds and the 8-digit codes they produce.
const SEEDS: Record<TotpAlgorithm, string> = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const VECTORS: [number, Record<TotpAlgorithm, string>][] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
  test(`TOTP matches RFC 6238 Appendix B and an independent HMAC for ${algorithm}`, () => {
    const key = Buffer.from(SEEDS[algorithm], 'ascii');
    const secret = base32Encode(key);
    for (const [seconds, expected] of VECTORS) {
      const settings = { algorithm, digits: 8, period: 30 };
      assert.equal(totpCode(secret, settings, seconds * 1000), expected[algorithm], `T=${seconds}`);
      assert.equal(referenceTotp(key, algorithm, 8, 30, seconds), expected[algorithm], `reference T=${seconds}`);
      assert.equal(verifyTotp(secret, expected[algorithm], settings, seconds * 1000), Math.floor(seconds / 30));
    }
  });
}

test('random secrets are 160-bit base32 and agree with the independent HMAC at 6 digits', () => {
  const secrets = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret).length, 20);
    secrets.add(secret);
    const now = 1_700_000_000 + i * 977;
    const settings = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
    assert.equal(totpCode(secret, settings, now * 1000), referenceTotp(base32Decode(secret), 'SHA1', 6, 30, now));
  }
  assert.equal(secrets.size, 20);
});

test('verification accepts one step of drift either way and nothing beyond', () => {
  const secret = newTotpSecret();
  const settings = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
  const key = base32Decode(secret);
  const now = 1_800_000_015;
  const at = (offsetSteps: number) => referenceTotp(key, 'SHA1', 6, 30, now + offsetSteps * 30);
  const step = Math.floor(now / 30);
  assert.equal(verifyTotp(secret, at(0), settings, now * 1000), step, 'the step the code belongs to');
  assert.equal(verifyTotp(secret, at(-1), settings, now * 1000), step - 1);
  assert.equal(verifyTotp(secret, at(1), settings, now * 1000), step + 1);
  // Codes two steps away could collide by chance with the window; skip that one-in-a-million case.
  if (![at(-1), at(0), at(1)].includes(at(-2))) assert.equal(verifyTotp(secret, at(-2), settings, now * 1000), undefined);
  if (![at(-1), at(0), at(1)].includes(at(2))) assert.equal(verifyTotp(secret, at(2), settings, now * 1000), undefined);
  assert.equal(verifyTotp(secret, 'abcdef', settings, now * 1000), undefined);
  assert.equal(verifyTotp(secret, at(0).slice(1), settings, now * 1000), undefined);
});

test('non-default settings (SHA256, 8 digits, 60 s) change codes and the URI', () => {
  const secret = newTotpSecret();
  const settings = { algorithm: 'SHA256' as const, digits: 8, period: 60 };
  const now = 1_750_000_000;
  const code = totpCode(secret, settings, now * 1000);
  assert.equal(code, referenceTotp(base32Decode(secret), 'SHA256', 8, 60, now));
  assert.equal(verifyTotp(secret, code, settings, (now + 60) * 1000), Math.floor(now / 60));
  assert.equal(
    totpUri('acme', 'ann@example.com', secret, settings),
    `otpauth://totp/acme:ann@example.com?secret=${secret}&issuer=acme&algorithm=SHA256&digits=8&period=60`,
  );
});

test('a secret in any case, spaced or padded, gives the same codes; a non-base32 secret is an error', () => {
  const settings = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
  // 26 characters: 130 bits, not a whole number of bytes (the last two bits are dropped).
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEH';
  const key = base32Decode(secret);
  assert.equal(key.length, 16);
  const now = 1_700_000_000;
  const expected = referenceTotp(key, 'SHA1', 6, 30, now);
  assert.equal(totpCode(secret, settings, now * 1000), expected);
  assert.equal(totpCode('jbsw y3dp ehpk 3pxp jbsw y3dp eh==', settings, now * 1000), expected);
  assert.throws(() => totpCode('JBSWY3DP1', settings, now * 1000), /not base32/);
});

test('at the Unix epoch there is no step before 0: the code of step 0 verifies, and step 1 still takes step 0', () => {
  const secret = newTotpSecret();
  const settings = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
  const key = base32Decode(secret);
  const code = (seconds: number) => referenceTotp(key, 'SHA1', 6, 30, seconds);
  assert.equal(verifyTotp(secret, code(0), settings, 10_000), 0);
  assert.equal(verifyTotp(secret, code(0), settings, 40_000), 0, 'one step of drift back to step 0');
  assert.equal(verifyTotp(secret, code(30), settings, 10_000), 1, 'one step ahead of step 0');
});

test('every @ of a label stays readable in the URI; other reserved characters are escaped', () => {
  const settings = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
  assert.equal(
    totpUri('a@b@c', 'x@y@z:w', 'ABC', settings),
    'otpauth://totp/a@b@c:x@y@z%3Aw?secret=ABC&issuer=a%40b%40c&algorithm=SHA1&digits=6&period=30',
  );
});

test('random secrets vary at every one of their 32 characters', () => {
  // 20 secrets sharing a character at one position by chance: 32^-19 per position. An encoder that reads
  // the wrong bits of its buffer gives a fixed character somewhere (the first, for a shift too far).
  const secrets = Array.from({ length: 20 }, () => newTotpSecret());
  for (let i = 0; i < 32; i++) assert.ok(new Set(secrets.map((s) => s[i])).size > 1, `character ${i} is always ${secrets[0]![i]}`);
});
