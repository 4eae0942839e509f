// List render for npm run bench (issue 15, point 4): navigation → every authenticator row in the
// DOM, <mfa-enrollment> (dist/cdn/mfa-enrollment.direct.js, direct mode) against a hand-written
// vanilla page making the same request to the same local server and showing the same rows (a
// name and a Remove button per authenticator, grouped by factor). Like with like: each page is the
// same HTML with the same inline timing script, then one module script file from the same server
// (the element's page file, or the vanilla page's code as /vanilla.js; both held in memory and sent
// the same way), then the same list request. BENCH_VANILLA=inline puts the vanilla code inline
// instead (no script request: a page that pays no script load at all). Fresh pages, the two in
// turn, medians with their quartiles; also the longest task (PerformanceObserver 'longtask') and
// the DOM nodes made. One size: BENCH_SIZES=200; runs: BENCH_RUNS=31.
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
    const check = () => root.querySelectorAll('[part~="authenticator"]').length >= n && (observer.disconnect(), performance.mark('rows'), resolve(performance.now()), true);
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

// The same rows <mfa-enrollment> shows, written by hand: the heading, intro and live region, one
// row per factor the page offers (icon, title, badge, description, Enroll or the authenticators
// with their Remove buttons, one click listener per list), masked names, the same attributes, and the element's own stylesheets
// (read from it once per bench, adopted the same way), so that style and layout cost the same.
// Before issue 15's profiling it drew only the enrolled groups as bare lists without styles: not
// the same rows (about 1/4 of the elements' nodes and no CSS).
const FACTOR_ROWS = [
  ['push', 'Push notification (Auth0 Guardian)', 'Approve sign-ins with a tap in the Auth0 Guardian app.', [['rect', { x: 7, y: 2.5, width: 10, height: 19, rx: 2 }], ['path', { d: 'M9.5 12l1.8 1.8 3.2-3.6' }]]],
  ['otp', 'Authenticator app', 'Use a one-time code from an app such as Google Authenticator, Microsoft Authenticator or 1Password.', [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M12 7v5l3 2' }]]],
  ['sms', 'Text message', 'Get a code by text message on your phone.', [['path', { d: 'M4 5h16v11H9l-5 4z' }], ['path', { d: 'M8 10h8M8 13h5' }]]],
  ['voice', 'Voice call', 'Get a phone call that reads out a code.', [['path', { d: 'M6.5 3.5l3 .5 1 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1 .5 3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z' }]]],
  ['email', 'Email', 'Get a code by email.', [['rect', { x: 3, y: 5, width: 18, height: 14, rx: 2 }], ['path', { d: 'M3.5 6l8.5 7 8.5-7' }]]],
];

const vanilla = (n, css) => `
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(css)});
  root.adoptedStyleSheets = [sheet];
  window.done = window.whenRows(root, ${n});
  const FACTORS = ${JSON.stringify(FACTOR_ROWS)};
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const heading = (part, level, text, id) => el('div', { role: 'heading', tabindex: '-1', part, class: part, id, 'aria-level': level }, text);
  const section = el('section', { part: 'base', class: 'base', 'aria-labelledby': 'heading' });
  section.append(el('div', { class: 'header' }, heading('heading', 2, 'Multi-factor authentication', 'heading'),
    el('p', { part: 'intro', class: 'intro' }, 'Add a second step to your sign-in. You can use more than one method.')));
  const status = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  section.append(status);
  root.append(section);
  const response = await fetch('/mfa/authenticators', { headers: { authorization: 'Bearer bench-token' } });
  const items = await response.json();
  const groups = new Map(FACTORS.map(([f]) => [f, []]));
  for (const a of items) groups.get(a.authenticator_type === 'otp' ? 'otp' : a.oob_channel)?.push(a);
  const mask = (a) => a.oob_channel === 'sms' ? '+' + '•'.repeat(7) + a.name.slice(-4) : a.oob_channel === 'email' ? a.name[0] + '•' + a.name.slice(a.name.indexOf('@')) : a.name;
  const list = el('ul', { part: 'list', class: 'list', 'aria-busy': 'false' });
  for (const [factor, title, description, shapes] of FACTORS) {
    const rows = groups.get(factor);
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    for (const [k, v] of Object.entries({ part: 'icon', class: 'icon', viewBox: '0 0 24 24', 'aria-hidden': 'true' })) icon.setAttribute(k, v);
    for (const [tag, attrs] of shapes) {
      const shape = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
      icon.append(shape);
    }
    const line = el('div', { class: 'title-line' }, icon, heading('title', 3, title, 'title-' + factor));
    if (rows.length) line.append(el('span', { part: 'badge', class: 'badge' }, 'Enrolled'));
    const actions = el('div', { part: 'actions', class: 'actions' });
    if (!rows.length) actions.append(el('button', { type: 'button', part: 'button enroll-button', 'aria-label': 'Enroll ' + title, 'aria-disabled': 'false' }, 'Enroll'));
    const li = el('li', { part: rows.length ? 'factor factor-enrolled' : 'factor', class: 'factor', 'data-factor': factor },
      el('div', { class: 'factor-main' }, el('div', { class: 'factor-text' }, line, el('p', { part: 'description', class: 'description' }, description)), actions));
    if (rows.length) {
      const inner = el('ul', { part: 'authenticators', class: 'authenticators', 'aria-label': 'Enrolled ' + title + ' methods' });
      // One listener per list for its Remove buttons, as the element has.
      inner.addEventListener('click', (event) => event.target.closest('[data-id]')?.setAttribute('aria-expanded', 'true'));
      for (const a of rows) {
        const name = mask(a);
        inner.append(el('li', { part: 'authenticator', class: 'authenticator' },
          el('span', { part: 'authenticator-name', class: 'authenticator-name', dir: factor === 'otp' ? 'auto' : 'ltr' }, name),
          el('button', { type: 'button', class: 'secondary', part: 'button remove-button', 'data-id': a.id, 'aria-label': 'Remove ' + title + ' (' + name + ')', 'aria-disabled': 'false', 'aria-expanded': 'false' }, 'Remove')));
      }
      li.append(inner);
    }
    list.append(li);
  }
  section.append(list);
  status.textContent = [...groups.values()].filter((r) => r.length).length + ' of ' + FACTORS.length + ' methods set up.';`;

/** Reads the element's own stylesheets once, for the vanilla page to adopt (same rows, same styles). */
export async function adoptElementCss(browser, base, server) {
  const page = await browser.newPage();
  await page.goto(`${base}/project?n=1`);
  await page.waitForFunction('window.done !== undefined');
  await page.evaluate('window.done');
  server.css = await page.evaluate(() =>
    document.querySelector('mfa-enrollment').shadowRoot.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
  await page.close();
}

export function serve() {
  const files = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const n = Number(url.searchParams.get('n') ?? 20);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const html = (script, extra = '') => res.writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html lang="en"><body><script type="module">${script}</script>${extra}</body></html>`);
    if (url.pathname === '/project') return html(projectSetup(n, origin), '<script type="module" src="/dist/cdn/mfa-enrollment.direct.js"></script>');
    if (url.pathname === '/vanilla') {
      return process.env.BENCH_VANILLA === 'inline'
        ? html(`${TIMING}${vanilla(n, server.css ?? '')}`)
        : html(TIMING, `<script type="module" src="/vanilla.js?n=${n}"></script>`);
    }
    if (url.pathname === '/mfa/authenticators') {
      const body = JSON.stringify(list(Number(req.headers.referer ? new URL(req.headers.referer).searchParams.get('n') : 20)));
      return res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }
      const script = (body) => res.writeHead(200, { 'content-type': 'text/javascript', 'content-length': Buffer.byteLength(body) }).end(body);
    if (url.pathname === '/vanilla.js') return script(vanilla(n, server.css ?? ''));
    const file = normalize(join(process.cwd(), decodeURIComponent(url.pathname)));
    if (!file.startsWith(join(process.cwd(), 'dist'))) return res.writeHead(404).end();
    try {
      // Read once: both scripts come from memory.
      files.set(file, files.get(file) ?? (await readFile(file)));
      script(files.get(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The CPU time the page's main thread spent in tasks up to the one that put the rows in (thread
 * time, `tdur`, of the top-level tasks): what the page costs, apart from waiting for the network
 * or, on a loaded machine, for a core. Also the longest of those tasks in thread time (a long
 * task is one over 50 ms).
 */
function mainThreadCpu(events) {
  const mark = events.find((e) => e.name === 'rows' && e.cat.includes('user_timing'));
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark?.pid);
  if (!mark || !main) return { cpu: NaN, longestCpu: NaN };
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts <= mark.ts);
  return { cpu: tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000, longestCpu: Math.max(...tasks.map((e) => e.tdur ?? 0)) / 1000 };
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q + 0.5)];
const median = (xs) => quantile(xs, 0.5);
/** "120.6 (112.0–131.2)": the median and the quartiles. */
const spread = (xs, digits = 1) => `${median(xs).toFixed(digits)} (${quantile(xs, 0.25).toFixed(digits)}–${quantile(xs, 0.75).toFixed(digits)})`;

export async function run(executablePath, { runs = Number(process.env.BENCH_RUNS ?? 15), sizes = (process.env.BENCH_SIZES ?? '20,200').split(',').map(Number) } = {}) {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const once = async (kind, n) => {
    const page = await browser.newPage();
    await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await page.goto(`${base}/${kind}?n=${n}`);
    await page.waitForFunction('window.done !== undefined');
    const ms = await page.evaluate('window.done');
    // When the list request started: what comes before it is start-up, not rendering.
    const entry = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/mfa/authenticators'));
      return e ? { startTime: e.startTime, responseEnd: e.responseEnd } : { startTime: 0, responseEnd: 0 };
    });
    // From the list's answer to the rows: the rendering alone, without loading the script.
    const { cpu, longestCpu } = mainThreadCpu(JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents);
    const result = { ms, cpu, longestCpu, requested: entry.startTime, render: ms - entry.responseEnd, longest: await page.evaluate('window.longest'), nodes: await page.evaluate('window.nodes()') };
    await page.close();
    return result;
  };
  try {
    await adoptElementCss(browser, base, server);
    const vanillaKind = process.env.BENCH_VANILLA === 'inline' ? 'vanilla code inline' : 'each page loads one script file';
    console.log(`\n## List render in Chromium: navigation → all rows in the DOM (${runs} runs each, in turn; ${vanillaKind})\n`);
    console.log('Medians (quartiles). The paired ratio is each element run over the vanilla run after it.\n');
    console.log('| authenticators | <mfa-enrollment> | vanilla page | ratio of medians | paired ratio | main-thread CPU until rows, project / vanilla | ratio | answer → rows, project / vanilla | list request started, project / vanilla | longest task (project, max / median; in CPU time, median) | DOM nodes project / vanilla |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const n of sizes) {
      const project = [];
      const plain = [];
      for (let i = 0; i < runs; i++) {
        project.push(await once('project', n));
        plain.push(await once('vanilla', n));
      }
      const p = median(project.map((r) => r.ms));
      const v = median(plain.map((r) => r.ms));
      const longest = project.map((r) => r.longest);
      const paired = project.map((r, i) => r.ms / plain[i].ms);
      const render = `${spread(project.map((r) => r.render))} / ${spread(plain.map((r) => r.render))} ms`;
      const started = `${median(project.map((r) => r.requested)).toFixed(1)} / ${median(plain.map((r) => r.requested)).toFixed(1)} ms`;
      const cpu = `${spread(project.map((r) => r.cpu))} / ${spread(plain.map((r) => r.cpu))} ms`;
      const cpuRatio = median(project.map((r) => r.cpu)) / median(plain.map((r) => r.cpu));
      console.log(`| ${n} | ${spread(project.map((r) => r.ms))} ms | ${spread(plain.map((r) => r.ms))} ms | ${(p / v).toFixed(2)}× | ${spread(paired, 2)}× | ${cpu} | ${cpuRatio.toFixed(2)}× | ${render} | ${started} | ${Math.max(...longest).toFixed(0)} / ${median(longest).toFixed(0)} ms; ${median(project.map((r) => r.longestCpu)).toFixed(1)} ms | ${project[0].nodes} / ${plain[0].nodes} |`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.env.CHROME_PATH ?? '/usr/bin/chromium');
