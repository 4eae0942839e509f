/**
 * Each Vite example served as its README says (`npx vite --config examples/<fw>/vite.config.ts`),
 * with the emulator and the proxy that `examples/shared/dev-backend.ts` puts behind it, opened in
 * Debian's Chromium: `<mfa-verify>` offers the signed-in user's methods and `<mfa-enrollment>`
 * lists them, with no error on the page (before, both showed only errors: nothing answered
 * /api/auth/mfa).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createServer } from 'vite';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
let browser: Browser;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not installed (looked for ${CHROMIUM})`);
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
});

for (const framework of ['react', 'vue', 'svelte']) {
  test(`examples/${framework} served by vite works against the emulator`, async () => {
    const server = await createServer({
      configFile: `examples/${framework}/vite.config.ts`,
      server: { port: 0, strictPort: false },
      logLevel: 'error',
      clearScreen: false,
    });
    await server.listen();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(server.resolvedUrls!.local[0]!, { waitUntil: 'load' });
      // The signed-in demo user's methods, in both elements (through shadow roots).
      await page.waitForFunction(
        () => {
          const verify = document.querySelector('mfa-verify')?.shadowRoot;
          const enrollment = document.querySelector('mfa-enrollment')?.shadowRoot;
          return verify?.querySelector('[part~="authenticators"], [part~="code-input"]') && enrollment?.querySelector('[part~="badge"]');
        },
        { timeout: STEP_TIMEOUT },
      );
      const shownErrors = await page.evaluate(() =>
        ['mfa-verify', 'mfa-enrollment'].flatMap((tag) =>
          [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('[part~="error"]') ?? [])].map((e) => e.textContent),
        ),
      );
      assert.deepEqual(shownErrors, []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
}
