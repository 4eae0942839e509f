import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

// `npm ci` must print no EBADENGINE warning on the oldest Node the package declares: every package
// it installs has to accept that Node. Optional packages that refuse it are skipped by npm silently.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const oldest = semver.minVersion(pkg.engines.node)!.version;

test('package.json, devEngines and the README declare one oldest Node', () => {
  assert.equal(semver.minVersion(pkg.devEngines.runtime.version)!.version, oldest);
  assert.equal(lock.packages[''].engines.node, pkg.engines.node, 'package-lock.json is stale');
  const readme = readFileSync('README.md', 'utf8');
  const [major, minor] = oldest.split('.');
  assert.match(readme, new RegExp(`Node\\.js ${major}\\.${minor} or newer`));
});

test('every installed package accepts the oldest declared Node (no EBADENGINE warning)', () => {
  const refusing = Object.entries<{ engines?: { node?: string }; optional?: boolean; version: string }>(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.optional && entry.engines?.node)
    .filter(([, entry]) => !semver.satisfies(oldest, entry.engines!.node!))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${entry.engines!.node}`);
  assert.deepEqual(refusing, [], `these refuse Node ${oldest}`);
});
