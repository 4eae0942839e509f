/**
 * Once listening, `listenNode` leaves the server's errors to whoever holds it: its start-up listener is
 * gone, so a later error is not swallowed by a promise that has already settled.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { listenNode } from '../../src/server/index.js';

it('an error on the server after start-up reaches the caller’s listener, or throws without one', async (t) => {
  const listening = await listenNode(async () => new Response('ok'));
  t.after(() => listening.close());
  assert.throws(() => listening.server.emit('error', new Error('after start-up')), /after start-up/, 'nobody swallowed it');
  const seen: string[] = [];
  listening.server.on('error', (error) => seen.push(error.message));
  listening.server.emit('error', new Error('handled'));
  assert.deepEqual(seen, ['handled']);
});
