/**
 * `npm run screenshots` in CI: every state of scripts/screenshots/shots.ts renders in both schemes
 * (the script exits non-zero when one does not; a right-to-left one also when its table's script is
 * not on screen), into a temporary folder so that the committed
 * docs/images stay as they are. Only that a picture was made is checked, never its pixels.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { RTL_SHOTS, rtlFile, SHOTS } from '../../scripts/screenshots/shots.js';

test('npm run screenshots renders every element state, light and dark, and the right-to-left ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-shots-'));
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/screenshots.ts'], {
      env: { ...process.env, SCREENSHOTS_DIR: dir },
      // 31 pictures: ~36 s on a quiet machine, 60 s and more on 2 cores under a load of 20.
      timeout: 150_000,
    });
    const expected = [...Object.keys(SHOTS).flatMap((name) => [`${name}-dark.png`, `${name}-light.png`]), ...RTL_SHOTS.map(rtlFile)].sort();
    assert.deepEqual(readdirSync(dir).sort(), expected);
    for (const file of expected) {
      const png = readFileSync(join(dir, file));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', `${file} is a PNG`);
      assert.ok(png.readUInt32BE(16) > 100 && png.readUInt32BE(20) > 20, `${file} has a real size`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
