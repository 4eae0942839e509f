import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

// The device side of the emulator (`/__emulator/push`) lists pending pushes: only push transactions,
// only the asked user's, everyone's without a user_id (found by mutation testing, docs/mutation.md).
test('the push list holds pushes only: those of the asked user, or everyone\'s without a user_id', async (t) => {
  const h = await emulatorFor(t);
  const challenges: Record<string, string> = {};
  const users = [await h.user(), await h.user()];
  for (const user of users) {
    const { mfa_token } = await h.tokens(user.id);
    const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
    const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
    const send = (authenticator_id: string) => h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id });
    challenges[user.id] = (await send(push.id)).body.oob_code;
    assert.equal((await send(sms.id)).status, 200, 'an SMS code is an oob transaction too, not a push');
  }
  const listed = async (query = '') =>
    ((await h.getJson(`/__emulator/push${query}`)).body as { oob_code: string; user_id: string }[]).map((p) => [p.user_id, p.oob_code]);
  const [a, b] = users.map((u) => u.id) as [string, string];
  assert.deepEqual(await listed(`?user_id=${encodeURIComponent(a)}`), [[a, challenges[a]]]);
  assert.deepEqual(await listed(`?user_id=${encodeURIComponent(b)}`), [[b, challenges[b]]]);
  assert.deepEqual(await listed(), [[a, challenges[a]], [b, challenges[b]]]);
  assert.deepEqual(await listed('?user_id=nobody'), []);
});
