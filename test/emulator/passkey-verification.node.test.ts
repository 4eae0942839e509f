/**
 * What a passkey registration must carry to verify (src/emulator/passkeys.ts): user verification is
 * preferred, not required, and a refused origin is answered with the origin the emulator expected.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig } from '../../src/emulator/config.js';
import { ProblemError } from '../../src/emulator/my-account.js';
import { verifyPasskey } from '../../src/emulator/passkeys.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';
import { attest } from './soft-authenticator.js';

const world = () => createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [] }), createClock(() => Date.UTC(2026, 0, 1)));
const session = { challenge: 'Y2hhbGxlbmdl', rpId: 'page.test' };

/** The same registration with the authenticator data's "user verified" flag (bit 2) cleared. */
function withoutUserVerification(response: ReturnType<typeof attest>): ReturnType<typeof attest> {
  const object = Buffer.from(response.response.attestationObject, 'base64url');
  const rpIdHash = createHash('sha256').update(session.rpId).digest();
  const at = object.indexOf(rpIdHash);
  assert.ok(at > 0, 'the authenticator data starts with the RP ID hash');
  const flags = at + rpIdHash.length;
  assert.equal(object[flags]! & 0x04, 0x04, 'the soft authenticator sets UV');
  object[flags] = object[flags]! & ~0x04;
  return { ...response, response: { ...response.response, attestationObject: object.toString('base64url') } };
}

test('a passkey whose authenticator did not verify the user (presence only) is registered: verification is preferred, not required', async () => {
  const w = world();
  const user = w.users.create({ email: 'a@x.test' });
  const response = withoutUserVerification(attest({ challenge: session.challenge, rpId: session.rpId, origin: 'https://page.test' }));
  const record = await verifyPasskey(w, user, session, response, undefined);
  assert.equal(record.rpId, 'page.test');
  assert.equal(record.credentialId, response.id);
});

test('a registration from an origin off the RP ID’s host is refused with the origin that was expected', async () => {
  const w = world();
  const user = w.users.create({ email: 'a@x.test' });
  const response = attest({ challenge: session.challenge, rpId: session.rpId, origin: 'http://evil.test' });
  await assert.rejects(verifyPasskey(w, user, session, response, undefined), (e: unknown) => {
    assert.ok(e instanceof ProblemError);
    assert.equal(e.status, 400);
    assert.match(e.message, /^Invalid authn_response: .*"http:\/\/evil\.test".*https:\/\/page\.test$/);
    return true;
  });
});
