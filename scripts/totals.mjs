// Adds up the totals every test run wrote to .test-results/ and prints the closing line.
// A run that should have written totals but did not (it crashed first) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const runs = ['node', 'wtr-chromium', 'wtr-browsers', 'package'];
let passed = 0;
let failed = 0;
for (const run of runs) {
  const file = `.test-results/${run}.json`;
  if (!existsSync(file)) {
    console.log(`${run}: no results (the run did not finish)`);
    failed++;
    continue;
  }
  const totals = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${run}: ${totals.passed} passed, ${totals.failed} failed`);
  for (const failure of totals.failures ?? []) console.log(`  failed: ${failure}`);
  passed += totals.passed;
  failed += totals.failed;
}
if (passed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
