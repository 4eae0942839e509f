import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// The test commands must fail with the exact install command when a browser is missing,
// rather than with a launcher stack trace.
function runTestRunner(config: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', config], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('npm run test:chromium without Chromium names the apt package and fails', () => {
  const result = runTestRunner('wtr.chromium.config.js', { CHROME_PATH: '/nonexistent/chromium' });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /chromium is not installed \(looked for \/nonexistent\/chromium\)/);
  assert.match(result.stderr, /apt-get install -y --no-install-recommends chromium\b/);
});

test('npm run test:browsers without Firefox names firefox-esr and fails', () => {
  const result = runTestRunner('wtr.browsers.config.js', { FIREFOX_PATH: '/nonexistent/firefox-esr' });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /apt-get install -y --no-install-recommends firefox-esr\b/);
});
