import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { adoptElementCss, serve } from './list-render.mjs';
const map = new SourceMapConsumer(JSON.parse(readFileSync('dist/cdn/mfa-enrollment.direct.js.map', 'utf8')));
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const kind = process.argv[2] ?? 'project', n = Number(process.argv[3] ?? 200), R = 5;
await adoptElementCss(browser, base, server);
const self = new Map(), total = new Map();
for (let r = 0; r < R; r++) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.goto(`${base}/${kind}?n=${n}`);
  await page.waitForFunction('window.done !== undefined'); await page.evaluate('window.done');
  const { profile: p } = await cdp.send('Profiler.stop');
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byId = new Map(p.nodes.map((nd) => [nd.id, nd]));
  const name = (nd) => { const cf = nd.callFrame; let src = '';
    if (cf.url.includes('mfa-enrollment')) { const o = map.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber }); src = `${(o.source||'').replace(/.*node_modules\//,'nm/').replace(/.*src\//,'src/')}:${o.line} ${o.name ?? ''}`; }
    else src = cf.url.split('/').pop() + ':' + cf.lineNumber;
    return `${cf.functionName || '(anon)'} ${src}`; };
  const parent = new Map(); for (const nd of p.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  for (const nd of p.nodes) { const t = dt.get(nd.id) ?? 0; if (!t) continue; const k = name(nd); self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set(); for (let id = nd.id; id !== undefined; id = parent.get(id)) { const kk = name(byId.get(id)); if (seen.has(kk)) continue; seen.add(kk); total.set(kk, (total.get(kk) ?? 0) + t); } }
  await page.close();
}
console.log('--- self'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000 / R).toFixed(1) + 'ms', k);
console.log('--- total'); for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 1000 / R).toFixed(1) + 'ms', k);
await browser.close(); server.close();
