/**
 * nodeTransport (src/server/node-upstream.ts) against an upstream that writes its answer byte for byte
 * (a bare TCP server, so no HTTP library adds or fixes anything): the headers come back exactly as
 * sent, repeated ones joined; an answer cut off before its declared end fails the call instead of
 * leaving it waiting.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { nodeTransport } from '../../src/server/node-upstream.js';
import { within } from '../helpers/within.js';

const get = () => ({ method: 'GET', headers: {}, signal: new AbortController().signal });

/** A TCP server that answers each connection's first bytes with `answer(socket)`; closed after the test. */
async function rawUpstream(t: TestContext, answer: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => answer(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('nodeTransport, byte for byte', () => {
  it('hands back the headers the upstream sent, and no others', async (t) => {
    const url = await rawUpstream(t, (socket) =>
      socket.end('HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 7\r\nX-Trace: a\r\nX-Trace: b\r\nContent-Length: 2\r\n\r\n{}'),
    );
    const answer = await within(nodeTransport(`${url}/mfa/authenticators`, get()), 'the answer');
    assert.deepEqual([answer.status, answer.text], [429, '{}']);
    assert.deepEqual(
      [...answer.headers],
      [['content-length', '2'], ['content-type', 'application/json'], ['retry-after', '7'], ['x-trace', 'a, b']],
    );
  });

  it('an answer cut off before its declared length fails the call', async (t) => {
    // The head and a first piece, then the upstream hangs up.
    const url = await rawUpstream(t, (socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[1,'));
    await assert.rejects(within(nodeTransport(`${url}/mfa/authenticators`, get()), 'the cut-off call settled'), (error: Error) => {
      assert.doesNotMatch(error.message, /did not happen within/, 'the call failed rather than waited');
      return true;
    });
  });
});
