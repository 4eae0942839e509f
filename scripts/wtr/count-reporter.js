// Writes each run's real totals to .test-results/ so .ci/run can print one closing line, and the
// names of failed tests, so the end of a CI log says what failed without scrolling back.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, path, totals, browser) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      const why = test.error?.message?.split('\n')[0] ?? '';
      totals.failures.push(`[${browser}] ${[...path, test.name].join(' › ')}${why ? ` — ${why}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) count(child, [...path, child.name], totals, browser);
}

export function countReporter(name) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const before = totals.failed;
        const browser = session.browser?.name ?? '?';
        if (session.testResults) count(session.testResults, [session.testFile], totals, browser);
        // A file that failed to load or threw outside a test has no failing test to count.
        if (!session.passed && totals.failed === before) {
          totals.failed++;
          const why = session.errors?.[0]?.message?.split('\n')[0] ?? 'the file failed outside a test';
          totals.failures.push(`[${browser}] ${session.testFile} — ${why}`);
        }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/wtr-${name}.json`, JSON.stringify(totals));
    },
  };
}
