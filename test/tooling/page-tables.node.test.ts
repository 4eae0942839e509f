import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { COMMON_TEXT_MODULE, COMMON_TEXT_NAME, dropKeys, FACTORS_MODULE, keepFactors } from '../../scripts/page-tables.mjs';
import { factorsOf, textUnusedOf } from '../../scripts/cdn-pages.mjs';

test('the verify page keeps the factors <mfa-verify> shows; the other pages keep them all', () => {
  assert.deepEqual(factorsOf('mfa-verify.direct'), ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code']);
  assert.equal(factorsOf('mfa-enrollment.proxy'), undefined);
  assert.equal(factorsOf('mfa-elements'), undefined);
});

test('keepFactors refuses a factor the table does not have (a renamed entry must not be dropped silently)', () => {
  assert.throws(() => keepFactors(readFileSync('src/core/factors.ts', 'utf8'), ['otp', 'fax']), /FACTORS has no fax/);
});

test('factors.ts as the verify page builds it: only the kept factors are known, and the others drop out of a list', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-factors-'));
  try {
    const keep = factorsOf('mfa-verify.proxy')!;
    await build({
      entryPoints: ['src/core/factors.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'factors.mjs'), logLevel: 'silent',
      plugins: [{
        name: 'keep',
        setup(b) {
          b.onLoad({ filter: FACTORS_MODULE }, ({ path }) => ({ contents: keepFactors(readFileSync(path, 'utf8'), keep, path), loader: 'ts' }));
        },
      }],
    });
    const { FACTORS, isFactorName, deriveAuthenticators } = await import(pathToFileURL(join(dir, 'factors.mjs')).href);
    assert.deepEqual(Object.keys(FACTORS), keep);
    assert.equal(isFactorName('duo'), false);
    assert.equal(FACTORS.sms.twin, 'voice', 'a kept entry is whole');
    const listed = [
      { id: 'totp|dev_1', authenticatorType: 'otp', active: true },
      { id: 'webauthn-roaming|dev_2', authenticatorType: 'webauthn-roaming', active: true },
      { id: 'push|dev_1', authenticatorType: 'oob', oobChannel: 'auth0', active: true },
    ];
    assert.deepEqual(deriveAuthenticators(listed).map((a: { id: string; linkedIds: string[] }) => [a.id, a.linkedIds]), [
      ['totp|dev_1', ['push|dev_1']],
      ['push|dev_1', ['totp|dev_1']],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the common text as the verify page builds it: the unused entries are gone, the rest is whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-text-'));
  try {
    const unused = textUnusedOf('mfa-verify.direct');
    assert.ok(unused.includes('error.already_enrolled'));
    assert.deepEqual(textUnusedOf('mfa-enrollment.proxy'), []);
    await build({
      stdin: { contents: "export { commonStrings } from './src/locales/en/common.ts'; export { errorKey } from './src/elements/shared/strings.ts';", resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'strings.mjs'), logLevel: 'silent',
      plugins: [{
        name: 'drop',
        setup(b) {
          b.onLoad({ filter: COMMON_TEXT_MODULE }, ({ path }) => ({ contents: dropKeys(readFileSync(path, 'utf8'), COMMON_TEXT_NAME, unused, path), loader: 'ts' }));
        },
      }],
    });
    const { commonStrings, errorKey } = await import(pathToFileURL(join(dir, 'strings.mjs')).href);
    for (const key of unused) assert.equal(key in commonStrings.en, false, key);
    assert.equal(commonStrings.en['error.invalid_grant'], 'That code is not correct, or it has expired.');
    assert.equal(errorKey({ code: 'invalid_grant' }), 'error.invalid_grant');
    // A code whose sentence the page left out is told as the generic error, not as a missing key.
    assert.equal(errorKey({ code: 'already_enrolled' }), 'error.generic');
    assert.throws(() => dropKeys(readFileSync('src/locales/en/common.ts', 'utf8'), COMMON_TEXT_NAME, ['nope']), /commonEn has no nope/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no module of a part the verify page fetches names the text it leaves out (the build checks the page itself)', () => {
  const unused = textUnusedOf('mfa-verify.proxy');
  for (const dir of ['src/elements/mfa-recovery-codes', 'src/elements/mfa-verify', 'src/elements/shared']) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'strings.ts')) {
      const text = readFileSync(join(dir, file), 'utf8');
      // A lookup, `t('key')` or `t(cond ? 'key' : …)`, not a comparison (`outcome === 'copied'` is the clipboard's outcome).
      for (const key of unused) assert.doesNotMatch(text, new RegExp(`\\bt\\([^;]*?(?<!=== )['"\`]${key.replace(/\./g, '\\.')}['"\`]`), `${dir}/${file} looks up ${key}`);
    }
  }
});

test("<mfa-verify>'s own modules name no key of its sending part's table (that text is there only once the part is)", async () => {
  const { sendingEn } = await import('../../src/locales/en/mfa-verify-sending.js');
  const keys = Object.keys(sendingEn);
  assert.ok(keys.includes('verify.resend'));
  const dir = 'src/elements/mfa-verify';
  // The part itself and the single-file bundle's loader, which has it inline, may.
  const own = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['sending.ts', 'sending-loader.bundled.ts'].includes(f));
  assert.ok(own.includes('mfa-verify.ts'));
  for (const file of own) {
    const text = readFileSync(join(dir, file), 'utf8');
    // Any quoted mention: a lookup (`t('verify.resend')`), or a key handed to one (`_end('verify.push.expired')`).
    for (const key of keys) assert.doesNotMatch(text, new RegExp(`['"\`]${key.replace(/\./g, '\\.')}['"\`]`), `${dir}/${file} names ${key}, which only the sending part's table has`);
  }
});
