/**
 * examples/nextjs as CI runs it: `next build --webpack` (skipped when the stamped build is of the
 * current inputs, scripts/example-nextjs-build.mjs), then `serve.ts start` (the emulator as the
 * tenant + `next start`) on a free port. Debian's Chromium signs in through the real nextjs-auth0
 * routes (`/auth/login` → the emulator's login page → `/auth/callback`), and the elements on the
 * page list the user's authenticators from the emulator through the app's createMfaProxy route.
 * Malformed escapes on the proxy's routes get its typed JSON 400, and a call without the CSRF
 * header is refused.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: a plain .mjs script, without declarations
import { ensureBuilt } from '../../scripts/example-nextjs-build.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
let browser: Browser;
let app: ChildProcess;
let origin: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not installed (looked for ${CHROMIUM})`);
  const { built, ms, reason } = ensureBuilt() as { built: boolean; ms: number; reason?: string };
  console.log(built ? `# next build: ${ms} ms (${reason})` : '# next build: up to date, reused');
  const port = await freePort();
  origin = `http://localhost:${port}`;
  app = spawn(process.execPath, ['--import', 'tsx', 'examples/nextjs/serve.ts', 'start'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${out}`)), 30_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready in/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    app.stdout!.on('data', read);
    app.stderr!.on('data', read);
    app.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}:\n${out}`)));
  });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  // Its whole process group: npx and next start under it.
  if (app?.pid) process.kill(-app.pid, 'SIGTERM');
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation(), page.click('a[href="/auth/login"]')]);
  // The emulator's hosted login page, on its own origin.
  assert.notEqual(new URL(page.url()).origin, origin, 'the login page is the tenant’s');
  await page.type('input[name="username"]', email);
  await page.type('input[name="password"]', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"], input[type="submit"]')]);
  assert.equal(new URL(page.url()).origin, origin, 'back on the app after /auth/callback');
  await page.waitForSelector('[data-user]', { timeout: STEP_TIMEOUT });
}

test('signed in through nextjs-auth0 against the emulator, the elements list the user’s authenticators through the proxy route', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await signIn(page, 'enrolled@example.com');
    assert.equal(await page.$eval('[data-user]', (e) => e.textContent), 'enrolled@example.com');
    await page.waitForFunction(
      () => document.querySelector('mfa-enrollment')?.shadowRoot?.querySelectorAll('[part~="badge"]').length,
      { timeout: STEP_TIMEOUT },
    );
    const shown = await page.evaluate(() => ({
      enrollment: document.querySelector('mfa-enrollment')!.shadowRoot!.textContent!.replace(/\s+/g, ' '),
      verify: document.querySelector('mfa-verify')!.shadowRoot!.textContent!.replace(/\s+/g, ' '),
      errors: ['mfa-verify', 'mfa-enrollment'].flatMap((tag) =>
        [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('[part~="error"]') ?? [])].map((e) => e.textContent),
      ),
    }));
    // enrolled@example.com has an authenticator app and the phone +1 555 555 0100 (docs/emulator.md).
    assert.match(shown.enrollment, /0100/, `the enrolled phone is listed: ${shown.enrollment}`);
    assert.match(shown.enrollment, /authenticator app/i, `the authenticator app is listed: ${shown.enrollment}`);
    assert.deepEqual(shown.errors, []);
    assert.deepEqual(errors, []);

    // The same session's cookie, from outside the page: the proxy refuses a call without its CSRF header.
    const cookie = (await page.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
    assert.ok(cookie.includes('__session='), 'nextjs-auth0 set its session cookie');
    const listed = await fetch(`${origin}/api/auth/mfa/authenticators`, { headers: { cookie, 'x-requested-with': 'mfa-elements' } });
    const list = (await listed.json()) as { id: string }[];
    assert.equal(listed.status, 200);
    assert.ok(list.length >= 2, 'the emulator’s authenticators of the user');
    const forged = await fetch(`${origin}/api/auth/mfa/authenticators/${encodeURIComponent(list[0]!.id)}`, {
      method: 'DELETE',
      headers: { cookie, origin },
    });
    assert.equal(forged.status, 403);
    assert.equal(((await forged.json()) as { error: string }).error, 'csrf_rejected');
    const again = await fetch(`${origin}/api/auth/mfa/authenticators`, { headers: { cookie, 'x-requested-with': 'mfa-elements' } });
    assert.equal(((await again.json()) as unknown[]).length, list.length, 'nothing removed by the refused call');
  } finally {
    await page.close();
  }
});

for (const escape of ['%C0%AE%C0%AE', '%', '%E0%A4%A']) {
  test(`DELETE /api/auth/mfa/authenticators/${escape} is the proxy's typed JSON 400, not Next.js's own answer`, async () => {
    const response = await fetch(`${origin}/api/auth/mfa/authenticators/${escape}`, { method: 'DELETE', headers: { origin, 'x-requested-with': 'mfa-elements' } });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Malformed path.' });
  });
}

test('the example type-checks (npm run typecheck:nextjs: the build itself skips it)', () => {
  const result = spawnSync('npm', ['run', '--silent', 'typecheck:nextjs'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
});
