// npm run bench: the numbers behind "small and fast". Sizes (esbuild --minify, gzip -9, the way
// DESIGN §7's anchors were measured), the emulator's start-up and per-route latency over real
// HTTP, and, when Chromium is installed, the elements' time to first render in a real browser.
// Nothing here asserts: budgets are enforced by scripts/check-size.mjs; this script reports.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { composition, verifyComposition } from './bench/composition.mjs';
import { cdnPage, elementAlone } from './bench/measure-size.mjs';
import { cdnFiles } from './cdn-pages.mjs';
import { register } from 'tsx/esm/api';
import { proxyStores } from './bench/proxy-stores.mjs';

register();

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (n) => `${n.toFixed(2)} ms`;

async function minified(entry, external = []) {
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
    target: 'es2022', write: false, external, logLevel: 'silent',
  });
  return gz(result.outputFiles[0].contents);
}

async function sizes() {
  console.log('\n## Sizes (esbuild --minify, gzip -9, bytes)\n');
  const rows = [];
  // The same measurement as npm run check:size: initial load, on-demand chunks not counted.
  // Each script-tag file (one per page use and mode), as CI checks it.
  if (existsSync('dist/cdn/metafile.json')) {
    for (const { name } of cdnFiles()) {
      const page = cdnPage(name);
      rows.push([`dist/cdn/${name}.js (initial load, ${page.files} file; on demand: ${page.lazy.join(', ')})`, page.bytes]);
    }
  }
  for (const file of existsSync('src/define') ? readdirSync('src/define').sort() : []) {
    rows.push([`<${file.replace(/\.ts$/, '')}> alone, with Lit (initial load)`, (await elementAlone(`src/define/${file}`)).bytes]);
  }
  rows.push(['core (MfaApiSource, poller, errors, parsing)', await minified('src/core/index.ts')]);
  rows.push(['qrcode 1.5.4 (the lazy QR chunk)', await minified('scripts/bench/qrcode-entry.js')]);
  const anchors = [
    ['Lit 3.3 minimal element (DESIGN §7)', 5922],
    ['Hanko Elements 2.7 (DESIGN §7)', 46532],
    ['React 19 + react-dom minimal app (DESIGN §7)', 68892],
  ];
  console.log('| what | gzip |\n|---|---:|');
  for (const [what, bytes] of [...rows, ...anchors]) console.log(`| ${what} | ${bytes.toLocaleString('en')} |`);

  console.log('\n### What the single-file bundle and <mfa-verify> alone are made of\n');
  console.log('Each part is what the whole file loses without it, or weighs on its own; their sum is the floor');
  console.log("under the file before any element's own logic. (Each is built as one file here, so its total is within about 1 KB of the figures above.)\n");
  const parts = [
    ['Lit + @lit/context (what is imported)', 'lit'],
    ['src/core modules used (data sources, wire parsing, errors, validation, poller)', 'core'],
    ['styles (blanked)', 'styles'],
    ['English sentences (blanked; keys kept)', 'text'],
    ["**sum: the floor before any element's own logic**", 'floor'],
    ['the whole file', 'all'],
  ];
  const [bundle, verify] = [await composition(), await verifyComposition()];
  console.log('| part | bundle | <mfa-verify> alone |\n|---|---:|---:|');
  for (const [what, key] of parts) console.log(`| ${what} | ${bundle[key].toLocaleString('en')} | ${verify[key].toLocaleString('en')} |`);
}

async function emulator() {
  const { createEmulator } = await import('../src/emulator/index.ts');
  console.log('\n## Emulator over real HTTP (127.0.0.1)\n');
  const starts = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const server = await createEmulator({ log: () => {} }).listen({ port: 0 });
    starts.push(performance.now() - t0);
    await server.close();
  }
  const server = await createEmulator({ log: () => {} }).listen({ port: 0 });
  const base = server.url;
  const post = (path, body, headers = {}) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const user = await (await post('/__emulator/users', {})).json();
  const { access_token: accessToken, mfa_token: mfaToken } = await (await post(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {})).json();
  const seeded = await (await post(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'sms', phoneNumber: '+15555550123' })).json();
  const smsId = seeded.authenticators.find((a) => a.id.startsWith('sms|')).id;
  const auth = { authorization: `Bearer ${accessToken}` };

  const routes = [
    ['GET /mfa/authenticators', () => fetch(`${base}/mfa/authenticators`, { headers: auth })],
    ['POST /mfa/challenge (otp)', () => post('/mfa/challenge', { client_id: 'demo-spa', mfa_token: mfaToken, challenge_type: 'otp', authenticator_id: smsId.replace('sms', 'totp') })],
    ['POST /oauth/token (password → mfa_required)', () => fetch(`${base}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: 'demo@example.com', password: 'demo', client_id: 'demo-spa' }),
    })],
    ['GET /__emulator/outbox', () => fetch(`${base}/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)],
  ];
  console.log(`start-up (create + listen): median ${ms(median(starts))}, p95 ${ms(p95(starts))} over ${starts.length}\n`);
  console.log('| route | median | p95 | n |\n|---|---:|---:|---:|');
  for (const [name, call] of routes) {
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const response = await call();
      await response.arrayBuffer();
      times.push(performance.now() - t0);
    }
    console.log(`| ${name} | ${ms(median(times))} | ${ms(p95(times))} | ${times.length} |`);
  }
  await server.close();
}

async function browser() {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium) || !existsSync('dist/cdn/mfa-elements.js')) {
    console.log('\n(browser timings skipped: needs Chromium and `npm run build` first)');
    return;
  }
  const { run } = await import('./bench/render.mjs');
  await run(chromium);
  await (await import('./bench/list-render.mjs')).run(chromium);
}

await sizes();
await emulator();
await proxyStores();
await (await import('./bench/throughput.mjs')).run();
await browser();
