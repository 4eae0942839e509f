/**
 * Each Vite example served as its README says (`npx vite --config examples/<fw>/vite.config.ts`),
 * with the emulator and the proxy that `examples/shared/dev-backend.ts` puts behind it, opened in
 * Debian's Chromium: `<mfa-verify>` offers the signed-in user's methods and `<mfa-enrollment>`
 * lists them, with no error on the page (before, both showed only errors: nothing answered
 * /api/auth/mfa).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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

/** Waits for the served page's methods in both elements and no error on it. */
async function checkPage(url: string): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(url, { waitUntil: 'load' });
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
  }
}

test('examples/angular served by npm run example:angular works against the emulator', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/angular/serve.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`ng serve did not start:\n${out}`)), 90_000);
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        const found = /Local:\s+(http:\/\/\S+)/.exec(out.replace(/\u001b\[[0-9;]*m/g, ''));
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}:\n${out}`)));
    });
    await checkPage(url);
  } finally {
    // Its whole process group: npx and ng serve under it.
    process.kill(-child.pid!, 'SIGTERM');
  }
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
    try {
      await checkPage(server.resolvedUrls!.local[0]!);
    } finally {
      await server.close();
    }
  });
}
