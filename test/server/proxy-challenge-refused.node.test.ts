/**
 * A challenge Auth0 refuses reaches the browser as that refusal (src/server/proxy.ts, the challenge
 * route): its status and error code, never a 200 made of the refusal's fields.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, readJson, send } from './fixtures/harness.js';

describe('proxy: a refused challenge', () => {
  for (const [status, body] of [
    [400, { error: 'invalid_request', error_description: 'Unsupported challenge type.' }],
    [429, { error: 'too_many_requests', error_description: 'Too many SMS.' }],
  ] as const) {
    it(`an upstream ${status} ${body.error} is answered ${status} with its error code`, async (t) => {
      const h = await harness(t);
      const user = await h.user({ tokens: 'both', seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
      const proxy = h.proxy();
      const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms');
      await h.admin.fault({ path: '/mfa/challenge', status, body });
      const res = await send(proxy, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms!.id } });
      const answer = (await readJson(res)) as { error?: string };
      assert.deepEqual([res.status, answer.error], [status, body.error], JSON.stringify(answer));
    });
  }
});
