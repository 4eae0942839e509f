// What the example builds hash to tell whether a build is stale (scripts/examples-build.mjs,
// scripts/example-nextjs-build.mjs): the files under a folder that a build reads, and their hashes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under `dir` but those in folders or files named in `notInput` (output, caches). */
export function inputFiles(dir, notInput, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (notInput.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) inputFiles(path, notInput, out);
    // Documentation is not built: editing a README does not make a build stale.
    else if (entry.isFile() && !entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}
