/**
 * The sweep of expired My Account enrollment sessions (src/emulator/my-account.ts) drops the very
 * enrollment each session started, whatever else the user has enrolled before it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig } from '../../src/emulator/config.js';
import { sweepSessions } from '../../src/emulator/my-account.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

test('an expired session of a second enrollment drops that pending enrollment, not the user’s first authenticator', () => {
  const world = createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [] }), createClock(() => Date.UTC(2026, 0, 1)));
  const user = world.users.create({ email: 'a@x.test', authenticators: [{ factor: 'otp' }] });
  const before = user.authenticators.map((a) => a.id);
  const [pending] = world.users.addPending(user, 'email');
  world.meSessions.set('s', { authSession: 's', userId: user.id, authenticatorId: pending!.id, expiresAt: world.clock.now() });
  sweepSessions(world, user);
  assert.equal(world.meSessions.size, 0);
  assert.deepEqual(user.authenticators.map((a) => a.id), before, 'the pending email went; the TOTP and its recovery code stayed');
});
