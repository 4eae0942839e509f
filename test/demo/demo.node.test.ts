/**
 * Smoke test of `npm run demo`: the demo's own Vite config (emulator, demo login, proxy, bundle
 * serving, CSP) started programmatically, driven by Debian's Chromium through puppeteer-core.
 *
 * Direct mode: demo@example.com signs in, the enrollment list renders, SMS is enrolled with the
 * code read from the demo phone panel, then verified (the event log shows `mfa-enroll` and
 * `mfa-verified`, tokens redacted). Proxy mode: enrolled@example.com verifies with the code the
 * authenticator-app stand-in computes. script-tag.html: signs in with the single-file bundle only
 * and its `<mfa-enrollment>` renders. Both pages: no CSP violation, no page error.
 *
 * `DEMO_SCREENSHOTS=/tmp` also saves the signed-in page in the light, dark and custom themes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { AxeResults } from 'axe-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const SCREENSHOTS = process.env.DEMO_SCREENSHOTS;
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const STEP_TIMEOUT = 10_000;

let server: ViteDevServer;
let browser: Browser;
let base: string;

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium is not installed (looked for ${CHROMIUM}): sudo apt-get install -y --no-install-recommends chromium`);
  }
  // What `npm run demo` does first: the single-file bundle that script-tag.html loads.
  await promisify(execFile)(process.execPath, ['scripts/build-bundle.mjs']);
  process.env.EMULATOR_PORT = '0';
  server = await createServer({
    configFile: 'demo/vite.config.ts',
    server: { port: 0, strictPort: false },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records CSP violations and uncaught errors from its first script on. */
async function openPage(path: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  await page.evaluateOnNewDocument(() => {
    const found: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = found;
    document.addEventListener('securitypolicyviolation', (event) => found.push(`CSP ${event.effectiveDirective}: ${event.blockedURI}`));
  });
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(base + path, { waitUntil: 'load' });
  return {
    page,
    problems: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))],
  };
}

/** Sign in through the demo's own form (the demo users are prefilled; pick one by its radio). */
async function signIn(page: Page, mode: 'direct' | 'proxy', user: string): Promise<void> {
  await page.click(`#mode-switch input[value="${mode}"]`);
  await page.click(`#signin input[name="user"][value="${user}"]`);
  await page.click('#signin-button');
  await page.waitForSelector('#elements-panel:not([hidden])');
  const status = await page.$eval('#signin-status', (el) => el.textContent ?? '');
  assert.match(status, new RegExp(`Signed in as ${user.replace('.', '\\.')} \\(${mode} mode\\)`));
}

/** Types a code into the `<mfa-code-input>` inside `host`, one key at a time (as a keyboard would). */
async function typeCode(page: Page, host: string, code: string): Promise<void> {
  const input = await page.waitForSelector(`${host} >>> mfa-code-input >>> input`);
  await input!.focus();
  await page.keyboard.type(code);
}

/** The newest code the demo phone panel shows, once it differs from `previous`. */
async function phoneCode(page: Page, previous = ''): Promise<string> {
  const handle = await page.waitForFunction(
    (old) => {
      const code = document.querySelector('#outbox-list .code')?.textContent ?? '';
      return code && code !== old ? code : false;
    },
    {},
    previous,
  );
  return String(await handle.jsonValue());
}

/** axe's violations on the whole page, shadow roots included (evaluated over CDP, so the page's CSP does not apply). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function logged(page: Page, event: string): Promise<string> {
  const entry = await page.waitForSelector(`#event-log [data-event="${event}"]`);
  return entry!.evaluate((el) => el.textContent ?? '');
}

test('npm run demo builds the bundle, then serves the demo config', () => {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
  assert.equal(scripts.demo, 'node scripts/build-bundle.mjs && vite --config demo/vite.config.ts');
  assert.ok(existsSync(join('dist', 'cdn', 'mfa-elements.js')));
});

test('demo: direct mode enrolls SMS from the phone panel and verifies it; proxy mode verifies with TOTP', async () => {
  const { page, problems } = await openPage('/');
  const csp = (await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))) ?? '';
  assert.match(csp, /script-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

  // Direct mode, nothing enrolled: the list renders from the emulator.
  await signIn(page, 'direct', 'demo@example.com');
  await page.waitForSelector('mfa-enrollment >>> li[data-factor="sms"] [part~="enroll-button"]');
  assert.equal(await page.$eval('mfa-provider', (el) => el.getAttribute('client-id')), 'demo-spa');

  // Enroll SMS: phone number, then the code the demo phone shows.
  await page.click('mfa-enrollment >>> li[data-factor="sms"] [part~="enroll-button"]');
  const phone = await page.waitForSelector('mfa-enrollment >>> input[part~="input"]');
  await phone!.type('+15555550123');
  await page.click('mfa-enrollment >>> [part~="submit-button"]');
  const enrollCode = await phoneCode(page);
  assert.match(enrollCode, /^\d{6}$/);
  await typeCode(page, 'mfa-enrollment', enrollCode);
  const enrolled = await logged(page, 'mfa-enroll');
  assert.match(enrolled, /"factor": "sms"/);

  // Verify with it: the access token in mfa-verified's detail is redacted in the log.
  await page.click('[data-action="verify"]');
  await page.click('mfa-verify >>> [part~="authenticator"]::-p-text(Text message)');
  const verifyCode = await phoneCode(page, enrollCode);
  await typeCode(page, 'mfa-verify', verifyCode);
  const verified = await logged(page, 'mfa-verified');
  assert.match(verified, /"accessToken": "\[redacted\]"/);
  assert.doesNotMatch(verified, /eyJ|"accessToken": "(?!\[redacted\])/);
  await page.click('#theme-switch input[value="light"]');
  assert.deepEqual(await axeViolations(page), [], 'axe, light theme, with messages and events');

  // Proxy mode, enrolled user: <mfa-verify> opens by itself; the stand-in computes the TOTP code.
  await page.click('#signout');
  await page.waitForSelector('#signin:not([hidden])');
  await signIn(page, 'proxy', 'enrolled@example.com');
  assert.equal(await page.$eval('mfa-provider', (el) => el.getAttribute('proxy-url')), '/api/auth/mfa');
  assert.equal(await page.$eval('mfa-provider', (el) => el.hasAttribute('domain')), false);
  await page.waitForSelector('mfa-enrollment >>> li[data-factor="otp"][part~="factor-enrolled"]');
  await page.click('mfa-verify >>> [part~="authenticator"]::-p-text(Authenticator app)');
  await page.click('#totp-enrolled');
  const totp = await page.$eval('#totp-code', (el) => (el as HTMLOutputElement).value);
  assert.match(totp, /^\d{6}$/);
  await typeCode(page, 'mfa-verify', totp);
  const proxyVerified = await page.waitForFunction(() => document.querySelectorAll('#event-log [data-event="mfa-verified"]').length === 2);
  assert.ok(proxyVerified);
  // The proxy's session cookie is HttpOnly: the page cannot read it.
  assert.equal(await page.evaluate(() => document.cookie.includes('mfa_demo_sid')), false);

  await page.click('#theme-switch input[value="dark"]');
  assert.deepEqual(await axeViolations(page), [], 'axe, dark theme');

  if (SCREENSHOTS) {
    for (const theme of ['light', 'dark', 'custom']) {
      await page.click(`#theme-switch input[value="${theme}"]`);
      await page.screenshot({ path: join(SCREENSHOTS, `mfa-demo-${theme}.png`) as `${string}.png`, fullPage: true });
    }
  }

  assert.deepEqual(await problems(), []);
  await page.close();
});

test('script-tag.html: the single-file bundle alone, in direct mode', async () => {
  const { page, problems } = await openPage('/script-tag.html');
  const scripts = await page.$$eval('script', (all) => all.map((s) => s.getAttribute('src')));
  assert.deepEqual(scripts, ['/dist/cdn/mfa-elements.js', '/script-tag.js']);
  await page.waitForFunction(() => customElements.get('mfa-enrollment') !== undefined);
  await page.click('#signin button[type="submit"]');
  // demo@example.com: with nothing enrolled the otp row offers Enroll; once an earlier test has
  // enrolled a method, direct mode with only an mfa_token says to verify first instead (issue 16).
  await page.waitForSelector('mfa-enrollment >>> li[data-factor="otp"] [part~="enroll-button"], mfa-enrollment >>> [part~="locked"]');
  assert.equal(await page.$eval('#signin', (form) => form.checkVisibility()), false);
  assert.deepEqual(await axeViolations(page), []);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'mfa-demo-script-tag.png') as `${string}.png`, fullPage: true });
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('the single-file bundle fetches the QR library and a translation beside it, and nothing else up front', async () => {
  const { page, problems } = await openPage('/script-tag.html');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.waitForFunction(() => customElements.get('mfa-qr-code') !== undefined);
  assert.deepEqual(fetched.filter((path) => path.startsWith('/dist/cdn/')), [], 'nothing more before an element needs it');
  // German text and a drawn code, as a German user scanning a key would see them.
  const label = await page.evaluate(async () => {
    const qr = document.createElement('mfa-qr-code') as HTMLElement & { value: string; updateComplete: Promise<boolean> };
    qr.lang = 'de';
    qr.value = 'otpauth://totp/Demo:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo';
    document.body.append(qr);
    await qr.updateComplete;
    const svg = qr.shadowRoot!.querySelector('svg[role="img"]');
    return svg ? svg.getAttribute('aria-label') : null;
  });
  assert.ok(label, 'the QR code was drawn');
  await page.waitForFunction(() => document.querySelector('mfa-qr-code')!.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')!.startsWith('QR-Code'));
  const cdn = fetched.filter((path) => path.startsWith('/dist/cdn/'));
  assert.ok(cdn.includes('/dist/cdn/mfa-qrcode.js'), `QR library fetched: ${cdn}`);
  assert.ok(cdn.some((path) => /^\/dist\/cdn\/locales\/de-/.test(path)), `German table fetched: ${cdn}`);
  // Another language: its own table, fetched from beside the file too; no other language's.
  await page.evaluate(() => {
    const qr = document.createElement('mfa-qr-code') as HTMLElement & { value: string };
    qr.lang = 'ar';
    qr.id = 'ar';
    qr.value = 'otpauth://totp/Demo:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo';
    document.body.append(qr);
  });
  await page.waitForFunction(() => document.getElementById('ar')?.shadowRoot?.querySelector('svg')?.getAttribute('aria-label') === 'رمز الاستجابة السريعة (QR)');
  const tables = fetched.filter((path) => path.startsWith('/dist/cdn/locales/')).map((path) => /locales\/([\w-]+?)-[\w]+\.js$/.exec(path)?.[1]);
  assert.deepEqual(tables.sort(), ['ar', 'de'], `tables fetched: ${tables}`);
  assert.deepEqual(await problems(), []);
  await page.close();
});
