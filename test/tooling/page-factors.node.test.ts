import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { FACTORS_MODULE, keepFactors } from '../../scripts/page-factors.mjs';
import { factorsOf } from '../../scripts/cdn-pages.mjs';

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
