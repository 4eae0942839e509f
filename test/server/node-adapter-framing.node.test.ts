/**
 * The Node adapter (src/server/node-handler.ts) on what it writes and what it hands on, over real
 * sockets: HEAD answered at once with the body's source let go, no length on a null-body status, the
 * standard reason phrase when a response has no status text, request bodies that stream (chunked, over
 * 1 MiB) or that a GET carries, a large answer to a reading client, a throwing handler without
 * `onError`, the request signal after a finished answer, and `toRequest` on its own.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { listenNode, toNodeHandler, toRequest } from '../../src/server/index.js';
import { rawRequest } from '../helpers/raw-http.js';
import { within } from '../helpers/within.js';

/** A server the test creates itself around `listener`, closed after the test. */
async function own(t: TestContext, listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Node adapter: what it writes, what it hands on', () => {
  it('answers HEAD at once with the head only, cancelling a body that has not ended', async (t) => {
    let cancelled = () => {};
    const cancel = new Promise<void>((resolve) => (cancelled = resolve));
    const server = await listenNode(async () =>
      // A JSON body that never ends (a long poll): GET would wait for it, HEAD must not.
      new Response(new ReadableStream<Uint8Array>({ cancel: () => cancelled() }), { headers: { 'content-type': 'application/json' } }),
    );
    t.after(() => server.close());
    const head = await rawRequest(server.url, 'HEAD /poll HTTP/1.1\r\nHost: x');
    assert.deepEqual([head.status, head.headers['content-type'], head.body], [200, 'application/json', '']);
    await within(cancel, 'the body’s source cancelled after HEAD', 5_000);
  });

  it('a 204 or a 304 carries no Content-Length (RFC 9110 8.6), with or without a body object', async (t) => {
    const server = await listenNode(async (request) => {
      const status = Number(new URL(request.url).pathname.slice(1));
      return new Response(null, { status });
    });
    t.after(() => server.close());
    for (const status of [204, 304]) {
      const answer = await rawRequest(server.url, `GET /${status} HTTP/1.1\r\nHost: x`);
      assert.equal(answer.status, status);
      assert.equal(answer.headers['content-length'], undefined, `${status}: no Content-Length`);
      assert.equal(answer.headers['transfer-encoding'], undefined, `${status}: no chunked body`);
    }
  });

  it('a response without status text goes out with the standard reason phrase; one with its own keeps it', async (t) => {
    const stream = () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1])), c.close()) });
    const octets = { 'content-type': 'application/octet-stream' };
    const server = await listenNode(async (request) => {
      switch (new URL(request.url).pathname) {
        case '/whole': return new Response('{}', { headers: { 'content-type': 'application/json' } });
        case '/streamed': return new Response(stream(), { status: 201, headers: octets });
        default: return new Response(stream(), { status: 201, statusText: 'Made', headers: octets });
      }
    });
    t.after(() => server.close());
    const line = async (path: string) => (await rawRequest(server.url, `GET ${path} HTTP/1.1\r\nHost: x`)).raw.split('\r\n')[0];
    assert.equal(await line('/whole'), 'HTTP/1.1 200 OK');
    assert.equal(await line('/streamed'), 'HTTP/1.1 201 Created');
    assert.equal(await line('/named'), 'HTTP/1.1 201 Made');
  });

  it('a request body of unknown length or over 1 MiB streams to the handler whole, whatever the method', async (t) => {
    const seen: string[] = [];
    const server = await listenNode(async (request) => {
      const body = await request.text();
      seen.push(`${request.method} ${body.length} ${body.slice(0, 5)}`);
      return new Response(null, { status: 204 });
    });
    t.after(() => server.close());
    const chunked = await rawRequest(server.url, 'PATCH /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked', '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n');
    assert.equal(chunked.status, 204);
    const small = await rawRequest(server.url, 'PATCH /s HTTP/1.1\r\nHost: x\r\nContent-Length: 5', 'hello');
    assert.equal(small.status, 204);
    const big = 'abcde'.repeat(300_000);
    assert.equal((await fetch(`${server.url}/b`, { method: 'PUT', body: big })).status, 204);
    assert.deepEqual(seen, ['PATCH 11 hello', 'PATCH 5 hello', `PUT ${big.length} abcde`]);
  });

  it('a GET or HEAD that carries a body is served, the body left out', async (t) => {
    const seen: string[] = [];
    const server = await listenNode(async (request) => {
      seen.push(`${request.method} ${request.body === null ? 'no body' : 'a body'}`);
      return new Response('ok', { headers: { 'content-type': 'text/plain' } });
    });
    t.after(() => server.close());
    for (const method of ['GET', 'HEAD']) {
      const answer = await rawRequest(server.url, `${method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 5`, 'hello');
      assert.equal(answer.status, 200, method);
    }
    assert.deepEqual(seen, ['GET no body', 'HEAD no body']);
  });

  it('a streamed answer larger than the socket buffers arrives whole', async (t) => {
    const piece = new Uint8Array(64 * 1024).fill(0x61);
    const pieces = 128;
    const server = await listenNode(async () => {
      let sent = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < pieces) controller.enqueue(piece);
            else controller.close();
          },
        }),
        { headers: { 'content-type': 'application/octet-stream' } },
      );
    });
    t.after(() => server.close());
    const body = await within((await fetch(server.url)).arrayBuffer(), 'the 8 MiB answer read to its end', 20_000);
    assert.equal(body.byteLength, piece.length * pieces);
  });

  it('without onError, a throwing handler is still a 500, from listenNode and from toNodeHandler', async (t) => {
    const boom = async (): Promise<Response> => {
      throw new Error('internal');
    };
    const server = await listenNode(boom);
    t.after(() => server.close());
    const url = await own(t, toNodeHandler(boom));
    for (const base of [server.url, url]) {
      const answer = await rawRequest(base, 'GET / HTTP/1.1\r\nHost: x');
      assert.equal(answer.status, 500, base);
      assert.match(answer.body, /Internal Server Error/, base);
    }
  });

  it('the request signal stays quiet once the answer was written whole and the connection closed', async (t) => {
    const handler = toNodeHandler(async (request) => {
      signals.push(request.signal);
      return new Response('done', { headers: { 'content-type': 'text/plain' } });
    });
    const signals: AbortSignal[] = [];
    let closed = () => {};
    const afterClose = new Promise<void>((resolve) => (closed = resolve));
    const url = await own(t, (req, res) => {
      handler(req, res);
      // Registered after the adapter's own listener, so it runs after it.
      res.once('close', () => closed());
    });
    const answer = await rawRequest(url, 'GET / HTTP/1.1\r\nHost: x');
    assert.equal(answer.body, 'done');
    await within(afterClose, 'the response closed', 5_000);
    assert.deepEqual(signals.map((s) => s.aborted), [false]);
  });

  it('toRequest on its own: method, URL, headers, a streamed body, and a signal of its own', async (t) => {
    const made: Request[] = [];
    const url = await own(t, (req, res) => {
      const request = toRequest(req);
      made.push(request);
      void request.text().then((body) => res.end(body.toUpperCase()));
    });
    const answer = await fetch(`${url}/p?q=1`, { method: 'POST', headers: { 'x-a': 'b' }, body: 'sent' });
    assert.equal(await answer.text(), 'SENT');
    const [request] = made;
    assert.deepEqual([request!.method, request!.url, request!.headers.get('x-a')], ['POST', `${url}/p?q=1`, 'b']);
    assert.ok(request!.signal instanceof AbortSignal, 'a Request’s own signal');
    assert.equal(request!.signal.aborted, false);
  });
});
