// Writes each run's real totals to .test-results/ so .ci/run can print one closing line.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter(name) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has no failing test to count.
        if (!session.passed && totals.failed === before) totals.failed++;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/wtr-${name}.json`, JSON.stringify(totals));
    },
  };
}
