// Size budgets, checked from the built files (gzip -9), so CI fails when a change makes the
// elements heavier. One budget per script-tag file (scripts/cdn-pages.mjs, issue 15); what "initial
// load" means: scripts/bench/measure-size.mjs. Also a guard on <mfa-verify> as a bundler user gets it.
import { cdnPage, elementAlone } from './bench/measure-size.mjs';
import { budgetOf, cdnFiles, ceilingOf } from './cdn-pages.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const checks = [
  ...cdnFiles().map(({ name }) => ({ what: `dist/cdn/${name}.js`, size: cdnPage(name), budget: ceilingOf(name), target: budgetOf(name) })),
  { what: '<mfa-verify> alone with Lit (npm entry, bundled)', size: await elementAlone('src/define/mfa-verify.ts'), budget: 20.75 * 1024, target: 19.5 * 1024 },
];

let failed = 0;
for (const { what, size, budget, target } of checks) {
  // One file up front is part of the contract for the script-tag files.
  const ok = size.bytes <= budget && (what.startsWith('<') || size.files === 1);
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${what}: ${size.bytes} B gzip initial load in ${size.files} file(s) (ceiling ${budget} B, ${size.bytes <= budget ? `${kb(budget - size.bytes)} left` : `${kb(size.bytes - budget)} over`}` +
      `; target ${target} B${size.bytes <= target ? ' met' : `: ${kb(size.bytes - target)} over, not met`})` +
      (size.lazy.length ? `\n       on demand: ${size.lazy.join(', ')}` : ''),
  );
}
process.exit(failed ? 1 : 0);
