import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { totp } from '../helpers/totp.js';

/** RFC 4648 base32, only to feed the RFC 6238 vectors to the helper. */
function base32(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of Buffer.from(text)) bits += byte.toString(2).padStart(8, '0');
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
}

describe('test helper: TOTP (RFC 6238 appendix B vectors)', () => {
  const seeds = {
    SHA1: base32('12345678901234567890'),
    SHA256: base32('12345678901234567890123456789012'),
    SHA512: base32('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1234567890, '89005924', '91819424', '93441116'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  for (const [seconds, sha1, sha256, sha512] of vectors) {
    it(`T=${seconds}`, async () => {
      const at = (algorithm: keyof typeof seeds) => totp(seeds[algorithm], { algorithm, digits: 8, time: seconds * 1000 });
      assert.deepEqual([await at('SHA1'), await at('SHA256'), await at('SHA512')], [sha1, sha256, sha512]);
    });
  }
  it('six digits by default', async () => {
    assert.equal(await totp(seeds.SHA1, { time: 59_000 }), '287082');
  });
});
