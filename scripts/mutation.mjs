// `npm run mutation [-- core|server|emulator ...]`: Stryker over one folder at a time (all three by
// default), at low priority because the machine is shared. Scores land in reports/mutation/<folder>.json.
import { spawnSync } from 'node:child_process';

const FOLDERS = ['core', 'server', 'emulator'];
const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !FOLDERS.includes(f));
if (unknown.length) {
  console.error(`unknown folder(s): ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const folder of asked.length ? asked : FOLDERS) {
  const started = Date.now();
  const run = spawnSync('nice', ['-n', '19', 'npx', 'stryker', 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_FOLDER: folder },
  });
  console.log(`mutation ${folder}: ${Math.round((Date.now() - started) / 60_000)} min`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
