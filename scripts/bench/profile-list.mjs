// Where the list render spends its time (issue 15): a DevTools-protocol CPU profile of the bench's
// project or vanilla page, self time per function over 3 loads. node scripts/bench/profile-list.mjs [project|vanilla] [n]
// Function names are the minified file's; look them up at the printed line:column.
import puppeteer from 'puppeteer-core';
import { adoptElementCss, serve } from './list-render.mjs';
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const kind = process.argv[2] ?? 'project', n = Number(process.argv[3] ?? 200);
// The vanilla page adopts the element's stylesheets, as in the bench.
await adoptElementCss(browser, base, server);
const agg = new Map(); let total = 0;
for (let r = 0; r < 3; r++) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.goto(`${base}/${kind}?n=${n}`);
  await page.waitForFunction('window.done !== undefined'); await page.evaluate('window.done');
  const { profile: p } = await cdp.send('Profiler.stop');
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  for (const nd of p.nodes) { const t = dt.get(nd.id) ?? 0; const cf = nd.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}:${cf.columnNumber}`; total += t; agg.set(k, (agg.get(k) ?? 0) + t); }
  await page.close();
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log((v / 3000).toFixed(1) + 'ms', k);
await browser.close(); server.close();
