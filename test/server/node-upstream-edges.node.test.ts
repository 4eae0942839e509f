/**
 * nodeTransport (src/server/node-upstream.ts) at its edges, against loopback servers: an https URL
 * is spoken to in TLS, the refusals say what they refused, the size limit counts a streamed answer
 * to the byte and lets go of the connection, and only a kept-alive socket reset on its way is
 * worth a second try, for each idempotent method and no other failure.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { AnswerTooLarge, MAX_ANSWER_BYTES, nodeTransport } from '../../src/server/node-upstream.js';
import { loopbackUpstream, type Seen } from '../helpers/loopback-upstream.js';
import { within } from '../helpers/within.js';

const call = (method: string, signal = new AbortController().signal) => ({ method, headers: {}, signal });

/** The first request on each connection is answered; later ones on it are dropped unanswered. */
const dropKept = (req: Seen, res: ServerResponse, seen: Seen[]) => {
  if (seen.filter((s) => s.socket === req.socket).length === 1) res.end(JSON.stringify({ n: seen.length }));
  else req.socket.destroy();
};

describe('nodeTransport at its edges', () => {
  it('speaks TLS to an https URL and plain HTTP to an http one', async (t) => {
    // A bare TCP server: it only records the first bytes a client sends, then hangs up.
    const first: Buffer[] = [];
    const tcp = createTcpServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        first.push(chunk);
        socket.destroy();
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    t.after(() => tcp.close());
    const { port } = tcp.address() as AddressInfo;
    await assert.rejects(nodeTransport(`https://127.0.0.1:${port}/oauth/token`, call('POST')));
    await assert.rejects(nodeTransport(`http://127.0.0.1:${port}/oauth/token`, call('POST')));
    assert.equal(first.length, 2);
    // A TLS handshake record (type 22, version 3.x), then an HTTP request line.
    assert.deepEqual([first[0]![0], first[0]![1]], [0x16, 0x03], 'https: a TLS ClientHello');
    assert.match(first[1]!.toString('latin1'), /^POST \/oauth\/token HTTP\/1\.1\r\n/, 'http: a plain request');
  });

  it('names the scheme it refuses, before any connection is tried', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x']) {
      const scheme = new URL(url).protocol;
      await assert.rejects(nodeTransport(url, call('GET')), { name: 'TypeError', message: `unsupported upstream scheme ${scheme}` });
    }
  });

  it('an answer too large says so by name and size, counted to the byte when it streams', async (t) => {
    const up = await loopbackUpstream(t, (req, res) => {
      // Chunked (written in two pieces): no length to look at, the count decides.
      const size = req.url === '/exact' ? MAX_ANSWER_BYTES : MAX_ANSWER_BYTES + 1;
      res.write(Buffer.alloc(size - 1, 0x20));
      res.end(Buffer.alloc(1, 0x20));
    });
    const exact = await nodeTransport(`${up.url}/exact`, call('GET'));
    assert.equal(exact.text.length, MAX_ANSWER_BYTES, 'a streamed answer of exactly the limit is read');
    await assert.rejects(nodeTransport(`${up.url}/over`, call('GET')), (error: Error) => {
      assert.ok(error instanceof AnswerTooLarge);
      assert.deepEqual([error.name, error.message], ['AnswerTooLarge', `upstream answer over ${MAX_ANSWER_BYTES} bytes`]);
      return true;
    });
  });

  it('an answer refused as too large lets go of its connection', async (t) => {
    const closed: Array<Promise<void>> = [];
    const big = Buffer.alloc(MAX_ANSWER_BYTES + 1, 0x20);
    const up = await loopbackUpstream(t, (req, res) => {
      closed.push(new Promise((resolve) => req.socket.once('close', () => resolve())));
      if (req.url === '/declared') {
        // Only the head: a declared length is refused without waiting for the body.
        res.writeHead(200, { 'content-length': String(big.length) });
        res.write(big.subarray(0, 1));
      } else {
        res.write(big.subarray(0, MAX_ANSWER_BYTES));
        res.write(big.subarray(MAX_ANSWER_BYTES));
        // Never ended: only the client hanging up closes this connection.
      }
    });
    for (const path of ['/declared', '/streamed']) {
      await assert.rejects(nodeTransport(`${up.url}${path}`, call('GET')), AnswerTooLarge, path);
      await within(closed.at(-1)!, `the connection of ${path} closed by the client`, 5_000);
    }
  });

  it('every idempotent method is sent again once when its kept socket was dropped', async (t) => {
    for (const method of ['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']) {
      const up = await loopbackUpstream(t, dropKept);
      assert.equal((await nodeTransport(up.url, call('GET'))).status, 200, `${method}: the first call`);
      const again = await nodeTransport(up.url, call(method));
      assert.equal(again.status, 200, `${method}: answered on a new connection`);
      assert.deepEqual([up.seen.length, up.sockets.size], [3, 2], method);
    }
    const patch = await loopbackUpstream(t, dropKept);
    await nodeTransport(patch.url, call('GET'));
    await assert.rejects(nodeTransport(patch.url, call('PATCH')), { code: 'ECONNRESET' });
    assert.equal(patch.seen.length, 2, 'a PATCH is not idempotent: sent once');
  });

  it('a reset on a fresh connection, or another failure on a kept one, is not tried again', async (t) => {
    const fresh = await loopbackUpstream(t, (req) => req.socket.destroy());
    await assert.rejects(nodeTransport(fresh.url, call('GET')), { code: 'ECONNRESET' });
    assert.equal(fresh.seen.length, 1, 'a fresh connection reset: that is the answer');

    const garbled = await loopbackUpstream(t, (req, res, seen) => {
      if (seen.filter((s) => s.socket === req.socket).length === 1) res.end('{}');
      else req.socket.end('NOT HTTP AT ALL\r\n\r\n');
    });
    await nodeTransport(garbled.url, call('GET'));
    await assert.rejects(nodeTransport(garbled.url, call('GET')), (error: Error & { code?: string }) => error.code !== 'ECONNRESET');
    assert.equal(garbled.seen.length, 2, 'an unreadable answer on a kept socket is not a stale socket');
  });
});
