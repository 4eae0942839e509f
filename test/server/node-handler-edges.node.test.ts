/**
 * `listenNode` / `toNodeHandler` at their edges, over real sockets: which answers stream, the status
 * text, the URL a handler sees without a Host or over TLS, the URL `listenNode` reports per host, the
 * refusals for what fetch cannot represent, and a body that fails half-way.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listenNode } from '../../src/server/index.js';
import { rawRequest } from '../helpers/raw-http.js';

/** The body of a chunked HTTP/1.1 answer, its chunks joined. */
function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const at = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, at), 16);
    if (!(size > 0)) return out;
    out += rest.slice(at + 2, at + 2 + size);
    rest = rest.slice(at + 2 + size + 2);
  }
}

const stream = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('listenNode at its edges', () => {
  it('an answer of unknown length goes out whole when it is JSON, text or a form, and streams otherwise', async (t) => {
    const types: Record<string, string | null> = {
      '/json': 'application/json',
      '/text': 'text/html; charset=utf-8',
      '/form': 'application/x-www-form-urlencoded',
      '/binary': 'application/octet-stream',
      '/untyped': null,
      '/texty-but-not': 'application/xtext/plain',
    };
    const server = await listenNode(async (request) => {
      const type = types[new URL(request.url).pathname];
      return new Response(stream('payload'), { headers: type ? { 'content-type': type } : {} });
    });
    t.after(() => server.close());
    const framing: Record<string, string> = {};
    for (const path of Object.keys(types)) {
      const answer = await rawRequest(server.url, `GET ${path} HTTP/1.1\r\nHost: x`);
      assert.match(answer.body, /payload/, path);
      framing[path] = answer.headers['transfer-encoding'] === 'chunked' ? 'chunked' : `length ${answer.headers['content-length']}`;
    }
    assert.deepEqual(framing, {
      '/json': 'length 7',
      '/text': 'length 7',
      '/form': 'length 7',
      '/binary': 'chunked',
      '/untyped': 'chunked',
      '/texty-but-not': 'chunked',
    });
  });

  it('passes the status text on, and HEAD of a streamed answer ends with no body', async (t) => {
    const server = await listenNode(async (request) =>
      new URL(request.url).pathname === '/teapot'
        ? new Response('x', { status: 418, statusText: 'Short And Stout', headers: { 'content-type': 'text/plain' } })
        : new Response(stream('streamed'), { headers: { 'content-type': 'application/octet-stream' } }),
    );
    t.after(() => server.close());
    const teapot = await rawRequest(server.url, 'GET /teapot HTTP/1.1\r\nHost: x');
    assert.match(teapot.raw, /^HTTP\/1\.1 418 Short And Stout\r\n/);
    const head = await rawRequest(server.url, 'HEAD /stream HTTP/1.1\r\nHost: x');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('without a Host header the URL is the address the client dialled', async (t) => {
    let seen = '';
    const server = await listenNode(async (request) => {
      seen = request.url;
      return new Response(null, { status: 204 });
    });
    t.after(() => server.close());
    const answer = await rawRequest(server.url, 'GET /no-host?q=1 HTTP/1.0');
    assert.equal(answer.status, 204);
    assert.equal(seen, `${server.url}/no-host?q=1`);
  });

  it('refuses what a fetch Request cannot hold: TRACE as 405, a malformed Host as 400, both as JSON', async (t) => {
    let calls = 0;
    const server = await listenNode(async () => {
      calls++;
      return new Response('handled');
    });
    t.after(() => server.close());
    const trace = await rawRequest(server.url, 'TRACE / HTTP/1.1\r\nHost: x');
    assert.deepEqual([trace.status, JSON.parse(dechunk(trace.body))], [405, { error: 'method_not_allowed', error_description: 'This method is not served.' }]);
    assert.equal(trace.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(trace.headers['cache-control'], 'no-store');
    const host = await rawRequest(server.url, 'GET / HTTP/1.1\r\nHost: a b');
    assert.deepEqual([host.status, JSON.parse(dechunk(host.body))], [400, { error: 'invalid_request', error_description: 'The request line or Host header is malformed.' }]);
    assert.equal(calls, 0);
  });

  it('a body that fails after the headers went out cuts the connection and is reported', async (t) => {
    const errors: unknown[] = [];
    let reads = 0;
    const server = await listenNode(
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('partial'));
            },
            pull(controller) {
              // Asked for more once the first piece is out: the source fails.
              if (reads++ > 0) controller.error(new Error('the source broke'));
            },
          }),
          { headers: { 'content-type': 'application/octet-stream' } },
        ),
      { onError: (error) => errors.push(error) },
    );
    t.after(() => server.close());
    const answer = await rawRequest(server.url, 'GET / HTTP/1.1\r\nHost: x');
    assert.notEqual(answer.status, 500, 'no second status after the first');
    assert.doesNotMatch(answer.raw, /\r\n0\r\n\r\n$/, 'no clean end of the chunked body');
    assert.deepEqual(errors.map(String), ['Error: the source broke']);
  });

  it('reports a URL a client can dial for each host, and https over TLS', async (t) => {
    for (const [host, expected] of [
      ['0.0.0.0', '127.0.0.1'],
      ['::', '127.0.0.1'],
      ['::1', '[::1]'],
      ['localhost', 'localhost'],
    ] as const) {
      let listening;
      try {
        listening = await listenNode(async () => new Response('ok'), { host });
      } catch (error) {
        // A machine without IPv6 loopback cannot bind ::1 or ::; say so rather than pass silently.
        if (host.includes(':') && /EADDRNOTAVAIL|EAFNOSUPPORT/.test(String(error))) {
          t.diagnostic(`no IPv6 here: ${host} not checked`);
          continue;
        }
        throw error;
      }
      try {
        const { hostname, protocol } = new URL(listening.url);
        assert.equal(protocol, 'http:');
        assert.equal(hostname, expected, host);
        assert.equal(await (await fetch(listening.url)).text(), 'ok', `${listening.url} answers`);
      } finally {
        await listening.close();
      }
    }

    const dir = mkdtempSync(join(tmpdir(), 'node-handler-tls-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'),
      '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'));
    let seen = '';
    const tls = await listenNode(async (request) => {
      seen = request.url;
      return new Response('secure');
    }, { tls: { key: readFileSync(join(dir, 'key.pem')), cert } });
    t.after(() => tls.close());
    assert.match(tls.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(`${tls.url}/over-tls`, { ca: cert }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(body, 'secure');
    assert.equal(seen, `${tls.url}/over-tls`);
  });

  it('a handler that throws before answering: a plain-text 500', async (t) => {
    const server = await listenNode(async () => {
      throw new Error('internal');
    }, { onError: () => {} });
    t.after(() => server.close());
    const answer = await rawRequest(server.url, 'GET / HTTP/1.1\r\nHost: x');
    assert.deepEqual([answer.status, answer.headers['content-type']], [500, 'text/plain; charset=utf-8']);
  });

  it('a port already taken is an error from listenNode, not a crash', async (t) => {
    const first = await listenNode(async () => new Response('first'));
    t.after(() => first.close());
    const port = Number(new URL(first.url).port);
    await assert.rejects(listenNode(async () => new Response('second'), { port }), { code: 'EADDRINUSE' });
  });
});
