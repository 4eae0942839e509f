// List render for npm run bench (issue 15, point 4): navigation → every authenticator row in the
// DOM, <mfa-enrollment> (dist/cdn/mfa-enrollment.direct.js, direct mode) against a hand-written
// vanilla page making the same request to the same local server and showing the same rows (a
// name and a Remove button per authenticator, grouped by factor). Fresh pages, the two in turn,
// medians; also the longest task (PerformanceObserver 'longtask') and the DOM nodes made.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const KINDS = [
  (i) => ({ id: `totp|dev_${i}`, authenticator_type: 'otp', active: true, name: `App ${i}` }),
  (i) => ({ id: `sms|dev_${i}`, authenticator_type: 'oob', oob_channel: 'sms', active: true, name: `+1XXXXXX${String(i).padStart(4, '0')}` }),
  (i) => ({ id: `email|dev_${i}`, authenticator_type: 'oob', oob_channel: 'email', active: true, name: `u${i}@example.com` }),
];
const list = (n) => Array.from({ length: n }, (_, i) => KINDS[i % KINDS.length](i));

// Shared by both pages: when the rows are all there (checked on each DOM mutation, not per frame).
const TIMING = `
  window.longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longest = Math.max(window.longest, e.duration); }).observe({ type: 'longtask', buffered: true });
  window.whenRows = (root, n) => new Promise((resolve) => {
    const check = () => root.querySelectorAll('[part~="authenticator"]').length >= n && (observer.disconnect(), resolve(performance.now()), true);
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    check();
  });
  const count = (node) => 1 + [...node.childNodes, ...(node.shadowRoot ? [node.shadowRoot] : [])].reduce((s, c) => s + count(c), 0);
  window.nodes = () => count(document.body);`;

const projectSetup = (n, origin) => `${TIMING}
  const provider = document.createElement('mfa-provider');
  provider.setAttribute('domain', '${origin}');
  provider.setAttribute('client-id', 'bench');
  provider.accessToken = 'bench-token';
  const el = document.createElement('mfa-enrollment');
  provider.append(el);
  document.body.append(provider);
  await customElements.whenDefined('mfa-enrollment');
  window.done = window.whenRows(el.shadowRoot, ${n});`;

const vanilla = (n) => `${TIMING}
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  window.done = window.whenRows(root, ${n});
  const response = await fetch('/mfa/authenticators', { headers: { authorization: 'Bearer bench-token' } });
  const items = await response.json();
  const groups = new Map();
  for (const a of items) {
    const factor = a.authenticator_type === 'otp' ? 'otp' : a.oob_channel;
    if (!groups.has(factor)) groups.set(factor, []);
    groups.get(factor).push(a);
  }
  const ul = document.createElement('ul');
  for (const [factor, rows] of groups) {
    const li = document.createElement('li');
    const title = document.createElement('h3');
    title.textContent = factor;
    const inner = document.createElement('ul');
    for (const a of rows) {
      const row = document.createElement('li');
      row.setAttribute('part', 'authenticator');
      const name = document.createElement('span');
      name.textContent = a.name;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + a.name);
      row.append(name, remove);
      inner.append(row);
    }
    li.append(title, inner);
    ul.append(li);
  }
  root.append(ul);`;

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const n = Number(url.searchParams.get('n') ?? 20);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const html = (script, extra = '') => res.writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html lang="en"><body><script type="module">${script}</script>${extra}</body></html>`);
    if (url.pathname === '/project') return html(projectSetup(n, origin), '<script type="module" src="/dist/cdn/mfa-enrollment.direct.js"></script>');
    if (url.pathname === '/vanilla') return html(vanilla(n));
    if (url.pathname === '/mfa/authenticators') {
      const body = JSON.stringify(list(Number(req.headers.referer ? new URL(req.headers.referer).searchParams.get('n') : 20)));
      return res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }
    const file = normalize(join(process.cwd(), decodeURIComponent(url.pathname)));
    if (!file.startsWith(join(process.cwd(), 'dist'))) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(executablePath, { runs = Number(process.env.BENCH_RUNS ?? 15), sizes = [20, 200] } = {}) {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const once = async (kind, n) => {
    const page = await browser.newPage();
    await page.goto(`${base}/${kind}?n=${n}`);
    await page.waitForFunction('window.done !== undefined');
    const ms = await page.evaluate('window.done');
    // When the list request started: what comes before it is start-up, not rendering.
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.includes('/mfa/authenticators'))?.startTime ?? 0);
    const result = { ms, requested, longest: await page.evaluate('window.longest'), nodes: await page.evaluate('window.nodes()') };
    await page.close();
    return result;
  };
  try {
    console.log(`\n## List render in Chromium: navigation → all rows in the DOM (median of ${runs}, in turn)\n`);
    console.log('| authenticators | <mfa-enrollment> | vanilla page | ratio | list request started, project / vanilla | longest task (project) | DOM nodes project / vanilla |\n|---:|---:|---:|---:|---:|---:|---:|');
    for (const n of sizes) {
      const project = [];
      const plain = [];
      for (let i = 0; i < runs; i++) {
        project.push(await once('project', n));
        plain.push(await once('vanilla', n));
      }
      const p = median(project.map((r) => r.ms));
      const v = median(plain.map((r) => r.ms));
      const longest = Math.max(...project.map((r) => r.longest));
      const started = `${median(project.map((r) => r.requested)).toFixed(1)} / ${median(plain.map((r) => r.requested)).toFixed(1)} ms`;
      console.log(`| ${n} | ${p.toFixed(1)} ms | ${v.toFixed(1)} ms | ${(p / v).toFixed(2)}× | ${started} | ${longest ? `${longest.toFixed(0)} ms` : 'none'} | ${project[0].nodes} / ${plain[0].nodes} |`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.env.CHROME_PATH ?? '/usr/bin/chromium');
