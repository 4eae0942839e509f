/**
 * `npm run screenshots`: renders every element in its main states (scripts/screenshots/shots.ts),
 * in the light and the dark scheme, against the local emulator, with Debian's Chromium through
 * puppeteer-core, into docs/images/<state>-<light|dark>.png. A state that does not render (its
 * condition is not met within 8 s, or the page throws) fails the run; nothing is compared pixel by
 * pixel (that differs between browser versions). A few states are also rendered right to left
 * (`RTL_SHOTS`: Arabic and Hebrew, light only). `CHROME_PATH` picks another Chromium; CI runs it
 * through test/tooling/screenshots.node.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { createEmulator } from '../src/emulator/index.js';
import { RTL_SHOTS, rtlFile, SHOTS } from './screenshots/shots.js';

/** `SCREENSHOTS_DIR` renders elsewhere (the CI test renders into a temporary folder). */
const OUT = process.env.SCREENSHOTS_DIR ?? 'docs/images';
const THEMES = ['light', 'dark'] as const;
const started = performance.now();

const emulator = await createEmulator({ log: () => {} }).listen({ port: 0, host: '127.0.0.1' });
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
  optimizeDeps: { entries: ['scripts/screenshots/index.html'] },
});
await server.listen();
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
mkdirSync(OUT, { recursive: true });
const failures: string[] = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 640, height: 900, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const render = async (name: string, file: string, what: string, lang?: string): Promise<void> => {
    errors.length = 0;
    const url = `${base}/scripts/screenshots/index.html?shot=${encodeURIComponent(name)}&emulator=${encodeURIComponent(emulator.url)}${lang ? `&lang=${lang}` : ''}`;
    await page.goto(url, { waitUntil: 'load' });
    const state = await page
      .waitForFunction(() => window.__shot, { timeout: 15_000 })
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch((error: unknown) => `error: ${String(error)}`);
    if (state !== 'ready' || errors.length) {
      failures.push(`${name} (${what}): ${state}${errors.length ? `; ${errors.join('; ')}` : ''}`);
      return;
    }
    // No caret blinking or spinner mid-turn in a picture.
    await page.addStyleTag({ content: '*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important}' });
    const stage = await page.$('#stage');
    await stage!.screenshot({ path: join(OUT, file) as `${string}.png` });
    console.log(`  ${join(OUT, file)}`);
  };
  for (const theme of THEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    for (const name of Object.keys(SHOTS)) await render(name, `${name}-${theme}.png`, theme);
    if (theme === 'light') for (const rtl of RTL_SHOTS) await render(rtl.shot, rtlFile(rtl), `lang=${rtl.lang}`, rtl.lang);
  }
} finally {
  await browser.close();
  await server.close();
  await emulator.close();
}
console.log(`screenshots: ${Object.keys(SHOTS).length * THEMES.length + RTL_SHOTS.length - failures.length} rendered, ${failures.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failures.length) {
  for (const failure of failures) console.error(`  FAILED ${failure}`);
  process.exitCode = 1;
}
