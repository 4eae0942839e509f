/**
 * Who counts as enrolled, and which record is "the" recovery code (src/emulator/state.ts), on the
 * user store and the `mfa_requirements` a login is answered with.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig, type EmulatorFactor } from '../../src/emulator/config.js';
import { mfaRequirements } from '../../src/emulator/mfa-required.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

const worldWith = (factors: EmulatorFactor[]) =>
  createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [], factors }), createClock(() => Date.UTC(2026, 0, 1)));

test('a user enrolled with Duo alone (which gets no recovery code) is enrolled: challenged, never offered enrollment', () => {
  const world = worldWith(['otp', 'recovery-code', 'duo']);
  const user = world.users.create({ email: 'duo@x.test', authenticators: [{ factor: 'duo' }] });
  assert.deepEqual(user.authenticators.map((a) => [a.kind, a.active]), [['duo', true]]);
  assert.equal(world.users.isEnrolled(user), true);
  assert.ok('challenge' in mfaRequirements(world, user), 'a Duo-only user is challenged, not asked to enroll');
  const nobody = world.users.create({ email: 'new@x.test' });
  assert.equal(world.users.isEnrolled(nobody), false);
});

test('the recovery code handed out beside a pending authenticator is that code, not the first authenticator', () => {
  const world = worldWith(['otp', 'recovery-code']);
  const user = world.users.create({ email: 'a@x.test' });
  const [totp] = world.users.addPending(user, 'otp');
  const code = world.users.pendingRecoveryCode(user);
  const record = world.users.activeRecoveryCodeOrPending(user);
  assert.equal(record?.kind, 'recovery-code');
  assert.equal(record?.code, code);
  assert.notEqual(record?.id, totp!.id);
});
