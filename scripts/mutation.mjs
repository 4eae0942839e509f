// `npm run mutation [-- core|server|emulator|elements ...] [-- --force ...]`: Stryker over one folder at a
// time (core, server and emulator by default), at low priority because the machine is shared. Scores land
// in reports/mutation/<folder>.json; arguments starting with `--` go to Stryker.
import { spawnSync } from 'node:child_process';

const FOLDERS = ['core', 'server', 'emulator', 'elements'];
const DEFAULT = ['core', 'server', 'emulator'];
const args = process.argv.slice(2);
const asked = args.filter((a) => !a.startsWith('--'));
const passed = args.filter((a) => a.startsWith('--'));
const unknown = asked.filter((f) => !FOLDERS.includes(f));
if (unknown.length) {
  console.error(`unknown folder(s): ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const folder of asked.length ? asked : DEFAULT) {
  const started = Date.now();
  const run = spawnSync('nice', ['-n', '19', 'npx', 'stryker', 'run', 'stryker.config.mjs', ...passed], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_FOLDER: folder },
  });
  console.log(`mutation ${folder}: ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
