/**
 * The proxy's default way to Auth0 (src/server/node-upstream.ts) against loopback servers that
 * answer what the test needs: what it sends, what it reads back, what it refuses to read, and how it
 * keeps and renews connections.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerTooLarge, MAX_ANSWER_BYTES, nodeTransport } from '../../src/server/node-upstream.js';
import { loopbackUpstream } from '../helpers/loopback-upstream.js';

const get = (signal = new AbortController().signal) => ({ method: 'GET', headers: { accept: 'application/json' }, signal });

describe('nodeTransport: the proxy’s default HTTP client', () => {
  it('sends the method, headers and body with its length; returns status, headers and text', async (t) => {
    const up = await loopbackUpstream(t, (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-ratelimit-limit': '10' });
      res.end('{"é":1}');
    });
    const answer = await nodeTransport(`${up.url}/oauth/token?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer T' },
      body: '{"name":"é"}',
      signal: new AbortController().signal,
    });
    assert.deepEqual([answer.status, answer.text, answer.headers.get('x-ratelimit-limit')], [201, '{"é":1}', '10']);
    const [req] = up.seen;
    assert.deepEqual(
      [req!.method, req!.url, req!.body, req!.headers['content-length'], req!.headers.authorization, req!.headers['content-type']],
      ['POST', '/oauth/token?x=1', '{"name":"é"}', '13', 'Bearer T', 'application/json'],
    );
  });

  it('does not follow a redirect: the 3xx comes back as it is, nothing reaches its target', async (t) => {
    const target = await loopbackUpstream(t, (_req, res) => res.end('{}'));
    const up = await loopbackUpstream(t, (_req, res) => {
      res.writeHead(307, { location: `${target.url}/elsewhere` });
      res.end();
    });
    const answer = await nodeTransport(`${up.url}/mfa/authenticators`, get());
    assert.deepEqual([answer.status, answer.headers.get('location')], [307, `${target.url}/elsewhere`]);
    assert.deepEqual(target.seen, []);
  });

  it('a byte-order mark is not part of the text, as with fetch', async (t) => {
    const up = await loopbackUpstream(t, (_req, res) => res.end(Buffer.from('\uFEFF[1]', 'utf8')));
    assert.equal((await nodeTransport(up.url, get())).text, '[1]');
  });

  it(`refuses an answer over ${MAX_ANSWER_BYTES} bytes, declared or streamed without a length`, async (t) => {
    const big = Buffer.alloc(MAX_ANSWER_BYTES + 1, 0x20);
    const up = await loopbackUpstream(t, (req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': String(big.length) });
        res.end(big);
        return;
      }
      // Chunked: no length to look at, the count stops it.
      res.write(big.subarray(0, MAX_ANSWER_BYTES));
      res.end(big.subarray(MAX_ANSWER_BYTES));
    });
    await assert.rejects(nodeTransport(`${up.url}/declared`, get()), AnswerTooLarge);
    await assert.rejects(nodeTransport(`${up.url}/chunked`, get()), AnswerTooLarge);
    const exact = await loopbackUpstream(t, (_req, res) => res.end(big.subarray(0, MAX_ANSWER_BYTES)));
    assert.equal((await nodeTransport(exact.url, get())).text.length, MAX_ANSWER_BYTES, 'exactly the limit is read');
  });

  it('an abort cuts the call, whether no answer or half an answer has come', { timeout: 10_000 }, async (t) => {
    const up = await loopbackUpstream(t, (req, res) => {
      if (req.url === '/half') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('[');
      }
      // Otherwise: never answers.
    });
    for (const path of ['/silent', '/half']) {
      const controller = new AbortController();
      const call = nodeTransport(`${up.url}${path}`, get(controller.signal));
      // A named condition, not a delay: abort once the server holds the request.
      const limit = Date.now() + 5000;
      while (!up.seen.some((s) => s.url === path)) {
        assert.ok(Date.now() < limit, `the server never got ${path}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      controller.abort();
      await assert.rejects(call, (error: Error) => error.name === 'AbortError' || /closed the connection/.test(error.message), path);
    }
  });

  it('keeps the connection for the next call', async (t) => {
    const up = await loopbackUpstream(t, (_req, res) => res.end('{}'));
    for (let i = 0; i < 3; i++) assert.equal((await nodeTransport(up.url, get())).status, 200);
    assert.equal(up.seen.length, 3);
    assert.equal(up.sockets.size, 1, 'three calls, one connection');
  });

  it('a kept socket the server drops unanswered: an idempotent call is sent again on a new one, a POST is not', async (t) => {
    const up = await loopbackUpstream(t, (req, res, seen) => {
      const n = seen.length;
      // The first request on each connection is answered; a later one on the same connection is
      // dropped, as when a server's keep-alive timeout fires while the request is on its way.
      const first = up.seen.findIndex((s) => s.socket === req.socket) === n - 1;
      if (first) res.end(JSON.stringify({ n }));
      else req.socket.destroy();
    });
    assert.equal((await nodeTransport(up.url, get())).text, '{"n":1}');
    const again = await nodeTransport(up.url, { ...get(), method: 'DELETE' });
    assert.equal(again.text, '{"n":3}', 'dropped on the kept socket, answered on a new one');
    assert.equal(up.sockets.size, 2);
    await assert.rejects(
      nodeTransport(up.url, { method: 'POST', headers: {}, body: 'otp=123456', signal: new AbortController().signal }),
      (error: Error & { code?: string }) => error.code === 'ECONNRESET',
      'a POST (a one-time code, a token grant) is never sent twice',
    );
    assert.equal(up.seen.filter((s) => s.method === 'POST').length, 1);
  });

  it('refuses a scheme other than http and https', async () => {
    await assert.rejects(nodeTransport('file:///etc/passwd', get()), TypeError);
  });
});
