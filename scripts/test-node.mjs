// Runs every test/**/*.node.test.ts with Node's own test runner (TypeScript through tsx)
// and records the totals so .ci/run can add them up with the browser runs.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.node.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find('test').filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('No node test files found.');
  process.exit(1);
}
// Three files at a time on 2 cores: most Node tests wait on HTTP to an emulator, so a third file
// fills the idle time (891 tests: 207 s at 2, 139 s at 3 on a quiet machine, 2026-12-07).
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=3', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
child.on('close', (code) => {
  const num = (label) => Number((out.match(new RegExp(`^ℹ ${label} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  const passed = num('pass');
  const failed = num('fail') + num('cancelled');
  // The spec reporter repeats every failing test under "✖ failing tests:"; keep their names.
  const failing = out.split(/^✖ failing tests:$/m)[1] ?? '';
  const failures = [...failing.matchAll(/^\S*?\s*✖ (.+?)(?: \(\d[\d.]*ms\))?$/gm)].map((m) => m[1].trim());
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/node.json', JSON.stringify({ passed, failed, failures }));
  console.log(`node: ${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
