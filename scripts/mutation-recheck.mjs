// Re-tests the mutants a Stryker report left undetected (survived, no coverage) against the tests as they
// are now, without a new Stryker run: each mutant is written into its file, the folder's Node test files
// run one at a time (the file's own test first) until one fails, and the file is restored. For a quick
// measure of tests written after a run; Stryker's incremental re-run is the authority.
// Run it in a scratch copy of the repository, never in a tree another process reads:
//   node scripts/mutation-recheck.mjs <reports dir> [file-substring ...]
// Killed mutants of the report stay killed (tests were only added), so the new score of a file is
// (killed + timed out + killed now) / (mutants − compile errors).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [dir, ...only] = process.argv.slice(2);
const newest = new Map();
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const path = join(dir, name);
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, result] of Object.entries(report.files ?? {})) {
    const time = statSync(path).mtimeMs;
    if (!newest.has(file) || newest.get(file).time < time) newest.set(file, { time, result });
  }
}
const LOADER = './scripts/ts-loader/register.mjs';
const results = {};
for (const [file, { result }] of [...newest].sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  const folder = file.split('/')[1] === 'elements' ? 'elements' : file.split('/')[1];
  const tests = readdirSync(`test/${folder}`).filter((n) => n.endsWith('.node.test.ts')).map((n) => `test/${folder}/${n}`);
  const own = `test/${folder}/${basename(file, '.ts')}.node.test.ts`;
  const order = [...tests.filter((t) => t === own), ...tests.filter((t) => t !== own)];
  const original = readFileSync(file, 'utf8');
  if (original !== result.source) {
    console.log(`${file}: changed since its report, skipped`);
    continue;
  }
  const lines = original.split('\n');
  const offset = ({ line, column }) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const counts = { total: result.mutants.length, detected: 0, errors: 0, killedNow: 0, stillAlive: [] };
  for (const m of result.mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') counts.detected++;
    if (m.status === 'CompileError' || m.status === 'RuntimeError') counts.errors++;
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const mutated = original.slice(0, offset(m.location.start)) + m.replacement + original.slice(offset(m.location.end));
    writeFileSync(file, mutated);
    let killedBy;
    try {
      for (const test of order) {
        const run = spawnSync(process.execPath, ['--import', LOADER, '--test-reporter=dot', test], { timeout: 20_000, stdio: 'ignore' });
        if (run.status !== 0) {
          killedBy = test;
          break;
        }
      }
    } finally {
      writeFileSync(file, original);
    }
    if (killedBy) counts.killedNow++;
    else counts.stillAlive.push(`${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${m.replacement.split('\n')[0]}`);
    process.stdout.write(killedBy ? 'k' : 's');
  }
  const valid = counts.total - counts.errors;
  counts.score = valid ? (100 * (counts.detected + counts.killedNow)) / valid : null;
  results[file] = counts;
  console.log(`\n${file}: ${counts.killedNow} killed now, ${counts.stillAlive.length} alive, score ${counts.score?.toFixed(2)} %`);
}
writeFileSync(join(dir, 'recheck', 'recheck.json'), JSON.stringify(results, null, 2));
