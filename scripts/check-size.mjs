// Size budgets, checked from the built files (gzip -9), so CI fails when a change makes the
// elements heavier. What "initial load" means: scripts/bench/measure-size.mjs.
//
// Two levels: `guard` is enforced (the measured size plus a small margin: a regression fails CI);
// `target` is issue 7's budget, reported until the elements are slim enough to enforce it.
import { cdnBundle, elementAlone } from './bench/measure-size.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const checks = [
  { what: 'single-file bundle (dist/cdn/mfa-elements.js)', size: cdnBundle(), guard: 40 * 1024, target: 20 * 1024 },
  { what: '<mfa-verify> alone with Lit', size: await elementAlone('src/define/mfa-verify.ts'), guard: 19.5 * 1024, target: 14 * 1024 },
];

let failed = 0;
for (const { what, size, guard, target } of checks) {
  const ok = size.bytes <= guard;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${what}: ${size.bytes} B gzip initial load in ${size.files} file(s) ` +
      `(guard ${kb(guard)}; issue 7 target ${kb(target)}: ${size.bytes <= target ? 'met' : `${kb(size.bytes - target)} over`})` +
      (size.lazy.length ? `\n       on demand: ${size.lazy.join(', ')}` : ''),
  );
}
process.exit(failed ? 1 : 0);
