// Browser timings for npm run bench: the single-file bundle loaded in Chromium from a local
// server; time to evaluate it, and each element's time from insertion to showing its data, with
// an in-page source that answers at once (so the figure is the element's own cost, not network).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

const PAGE = `<!doctype html><html lang="en"><body>
<script type="module">
  const t0 = performance.now();
  await import('/dist/cdn/mfa-elements.js');
  window.evalMs = performance.now() - t0;
  const list = [
    { id: 'totp|dev_1', authenticatorType: 'otp', factor: 'otp', active: true, linkedIds: [], removable: true },
    { id: 'sms|dev_2', authenticatorType: 'oob', factor: 'sms', oobChannel: 'sms', name: '+1XXXXXX0100', active: true, linkedIds: ['voice|dev_3'], removable: true },
  ];
  window.source = {
    listAuthenticators: async () => list,
    enroll: async () => ({ type: 'otp', factor: 'otp', secret: 'JBSWY3DPEHPK3PXP', barcodeUri: 'otpauth://totp/ACME:a%40b.c?secret=JBSWY3DPEHPK3PXP&issuer=ACME' }),
    remove: async () => {},
    challenge: async () => ({ challengeType: 'otp' }),
    verify: async () => ({}),
  };
  window.renderMs = async (tag, ready) => {
    const el = document.createElement(tag);
    el.source = window.source;
    const start = performance.now();
    document.body.append(el);
    while (!el.shadowRoot?.querySelector(ready)) {
      if (performance.now() - start > 5000) throw new Error(tag + ' never showed ' + ready);
      await new Promise((r) => requestAnimationFrame(r));
    }
    const ms = performance.now() - start;
    el.remove();
    return ms;
  };
  window.ready = true;
</script></body></html>`;

function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    const file = normalize(join(process.cwd(), path));
    if (!file.startsWith(join(process.cwd(), 'dist'))) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(executablePath) {
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const evals = [];
    const renders = { 'mfa-verify': [], 'mfa-enrollment': [], 'mfa-otp-enroll': [] };
    const ready = { 'mfa-verify': '[part~="authenticator"]', 'mfa-enrollment': '[part~="authenticator"]', 'mfa-otp-enroll': '[part~="step-scan"]' };
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction('window.ready === true');
      evals.push(await page.evaluate('window.evalMs'));
      for (const tag of Object.keys(renders)) {
        renders[tag].push(await page.evaluate((t, r) => window.renderMs(t, r), tag, ready[tag]));
      }
      await page.close();
    }
    console.log('\n## In Chromium (single-file bundle, median of 7 fresh pages)\n');
    console.log('| what | median |\n|---|---:|');
    console.log(`| load and evaluate dist/cdn/mfa-elements.js (local server) | ${median(evals).toFixed(1)} ms |`);
    for (const [tag, times] of Object.entries(renders)) {
      console.log(`| <${tag}> inserted → its data on screen (${ready[tag]}) | ${median(times).toFixed(1)} ms |`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}
