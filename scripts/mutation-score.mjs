// Adds up the Stryker JSON reports in reports/mutation/ (a folder's run, or its per-file runs with
// MUTATE_FILES) into one score per file and per folder, the way Stryker counts them:
// score = (killed + timed out) / (all mutants − compile errors). `--survivors` lists the undetected ones.
// Each file counts once, from its newest report, so per-file runs and folder runs can be mixed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

const DIR = 'reports/mutation';
const listSurvivors = process.argv.includes('--survivors');
const reports = new Map(); // file -> [{ time, result }]
for (const name of readdirSync(DIR)) {
  if (!name.endsWith('.json')) continue;
  const path = join(DIR, name);
  const time = statSync(path).mtimeMs;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, result] of Object.entries(report.files ?? {})) {
    // Named relative to the report's own project root, so a report copied from another checkout (a
    // worktree's) counts for the same file here rather than as a file of `../that-checkout`.
    const key = isAbsolute(file) ? relative(report.projectRoot ?? process.cwd(), file) : file;
    if (!reports.has(key)) reports.set(key, []);
    reports.get(key).push({ time, result });
  }
}
// A file's mutants from its newest report, plus those of older reports of the same source that the
// newest did not test (line-range runs such as `file.ts:1-150` and `file.ts:151-269` add up); for a
// mutant in several, the newest verdict. Reports of an older source are left out.
const mutantKey = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement}`;
const newest = new Map(); // file -> { time, result }
for (const [file, list] of reports) {
  list.sort((a, b) => b.time - a.time);
  const [latest] = list;
  const mutants = new Map();
  for (const { result } of list.filter((r) => r.result.source === latest.result.source)) {
    for (const m of result.mutants) if (!mutants.has(mutantKey(m))) mutants.set(mutantKey(m), m);
  }
  newest.set(file, { time: latest.time, result: { ...latest.result, mutants: [...mutants.values()] } });
}

const STATUS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'];
const count = (mutants) => Object.fromEntries(STATUS.map((s) => [s, mutants.filter((m) => m.status === s).length]));
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid ? ((100 * (c.Killed + c.Timeout)) / valid).toFixed(2) : 'n/a';
};
const row = (name, c, total) =>
  `| ${name} | ${total} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.CompileError + c.RuntimeError} | ${score(c)} % |`;

const folders = new Map();
for (const [file, { result }] of [...newest].sort()) {
  const folder = file.split('/').slice(0, 2).join('/');
  if (!folders.has(folder)) folders.set(folder, []);
  folders.get(folder).push([file, result.mutants]);
}
console.log('| file | mutants | killed | timed out | survived | no coverage | compile errors | score |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [folder, files] of folders) {
  for (const [file, mutants] of files) console.log(row(`\`${file}\``, count(mutants), mutants.length));
  const all = files.flatMap(([, m]) => m);
  console.log(row(`**${folder}**`, count(all), all.length));
}
if (listSurvivors) {
  for (const [file, { result }] of [...newest].sort()) {
    for (const m of result.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      const line = result.source.split('\n')[m.location.start.line - 1]?.trim();
      console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement)}  | ${line}`);
    }
  }
}
