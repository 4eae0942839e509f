import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { listenNode, toNodeHandler } from '../../src/server/node-handler.js';
import { textResponse } from '../../src/server/text-response.js';
import { within } from '../helpers/within.js';

test('passes method, full URL from Host, headers and a streamed body to the handler', async (t) => {
  let seen: { method: string; url: string; type: string | null; custom: string | null; body: string } | undefined;
  const server = await listenNode(async (request) => {
    seen = {
      method: request.method,
      url: request.url,
      type: request.headers.get('content-type'),
      custom: request.headers.get('x-custom'),
      body: await request.text(),
    };
    return new Response('ok');
  });
  t.after(() => server.close());
  const port = new URL(server.url).port;
  const response = await fetch(`${server.url}/a/b?c=1&d=%7C`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-custom': 'yes' },
    body: 'x'.repeat(100_000),
  });
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'ok');
  assert.deepEqual(seen, {
    method: 'POST',
    url: `http://127.0.0.1:${port}/a/b?c=1&d=%7C`,
    type: 'text/plain',
    custom: 'yes',
    body: 'x'.repeat(100_000),
  });
});

test('uses the Host header the client sent, so URLs point back where it dialled', async (t) => {
  let url = '';
  const server = await listenNode(async (request) => {
    url = request.url;
    return new Response(null, { status: 204 });
  });
  t.after(() => server.close());
  const { port } = new URL(server.url);
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/x', headers: { host: 'emu.example:1234' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(url, 'http://emu.example:1234/x');
});

test('writes status, headers, several Set-Cookie headers and the body', async (t) => {
  const server = await listenNode(async () => {
    const headers = new Headers({ 'content-type': 'application/json', 'x-ratelimit-remaining': '3' });
    headers.append('set-cookie', 'a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT');
    headers.append('set-cookie', 'b=2; HttpOnly');
    return new Response('{"ok":true}', { status: 418, headers });
  });
  t.after(() => server.close());
  const response = await fetch(server.url);
  assert.equal(response.status, 418);
  assert.equal(response.headers.get('x-ratelimit-remaining'), '3');
  assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'b=2; HttpOnly']);
  assert.deepEqual(await response.json(), { ok: true });
});

test('streams a response body that arrives in pieces', async (t) => {
  const server = await listenNode(async () => {
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const part of ['one ', 'two ', 'three']) {
          controller.enqueue(new TextEncoder().encode(part));
          await new Promise((r) => setTimeout(r, 5));
        }
        controller.close();
      },
    });
    return new Response(stream);
  });
  t.after(() => server.close());
  assert.equal(await (await fetch(server.url)).text(), 'one two three');
});

test('HEAD gets headers and no body; GET carries no body to the handler', async (t) => {
  const methods: string[] = [];
  const server = await listenNode(async (request) => {
    methods.push(request.method);
    assert.equal(request.body, null);
    return new Response('body', { headers: { 'x-a': 'b' } });
  });
  t.after(() => server.close());
  const head = await fetch(server.url, { method: 'HEAD' });
  assert.equal(head.headers.get('x-a'), 'b');
  assert.equal(await head.text(), '');
  await (await fetch(server.url)).text();
  assert.deepEqual(methods, ['HEAD', 'GET']);
});

test('a throwing handler becomes a bare 500 without the message or stack, and onError sees it', async (t) => {
  const errors: unknown[] = [];
  const server = await listenNode(
    async () => {
      throw new Error('secret internals at /home/x.ts:1');
    },
    { onError: (error) => errors.push(error) },
  );
  t.after(() => server.close());
  const response = await fetch(server.url);
  assert.equal(response.status, 500);
  const text = await response.text();
  assert.equal(text, 'Internal Server Error');
  assert.doesNotMatch(text, /secret|\.ts/);
  assert.equal(errors.length, 1);
});

test('toNodeHandler works with a server the caller creates, and close() ends keep-alive connections', async () => {
  const { createServer } = await import('node:http');
  const server = createServer(toNodeHandler(async (request) => Response.json({ path: new URL(request.url).pathname })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  assert.deepEqual(await (await fetch(`http://127.0.0.1:${port}/p`)).json(), { path: '/p' });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  // listenNode's close() must resolve promptly even though fetch keeps the connection alive.
  const listening = await listenNode(async () => new Response('x'));
  await (await fetch(listening.url)).text();
  // Node keeps an idle keep-alive socket open for 5 s; close() ending it answers well before that.
  await within(listening.close(), 'listenNode close() with a keep-alive connection open', 3_000);
});

test('aborts the request signal when the client disconnects', async (t) => {
  let aborted: Promise<void> | undefined;
  let reached = () => {};
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const server = await listenNode(async (request) => {
    aborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve()));
    reached();
    await aborted;
    return new Response('late');
  });
  t.after(() => server.close());
  const controller = new AbortController();
  const pending = fetch(server.url, { signal: controller.signal }).catch(() => 'aborted');
  await within(arrived, 'the request reaching the handler');
  controller.abort();
  assert.equal(await pending, 'aborted');
  await within(aborted!, 'the handler signal aborting');
});

test('the request signal aborts for a request read in one piece too, and so does its clone’s', async (t) => {
  const seen: Array<{ signal: AbortSignal; clone: AbortSignal; body: string }> = [];
  let reached = () => {};
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const server = await listenNode(async (request) => {
    const clone = request.clone();
    seen.push({ signal: request.signal, clone: clone.signal, body: await request.text() });
    reached();
    await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
    return new Response('late');
  });
  t.after(() => server.close());
  const controller = new AbortController();
  const pending = fetch(server.url, { method: 'POST', body: '{"a":1}', signal: controller.signal }).catch(() => 'aborted');
  await within(arrived, 'the request reaching the handler');
  assert.deepEqual([seen[0]!.body, seen[0]!.signal.aborted, seen[0]!.clone.aborted], ['{"a":1}', false, false]);
  controller.abort();
  assert.equal(await pending, 'aborted');
  const { signal, clone } = seen[0]!;
  await within(new Promise((resolve) => (signal.aborted ? resolve(undefined) : signal.addEventListener('abort', resolve))), 'the handler signal aborting');
  assert.equal(clone.aborted, true, 'the clone follows the same signal');
});

test('an answer built from a string is written from it: its stream is never asked for', async (t) => {
  let asked = 0;
  const server = await listenNode(async () => {
    const response = textResponse('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    const { get } = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(response), 'body')!;
    Object.defineProperty(response, 'body', { get: () => (asked++, get!.call(response)) });
    return response;
  });
  t.after(() => server.close());
  const { headers, body } = await rawHeaders(server.url);
  assert.deepEqual([body, headers['content-length'], asked], ['{"ok":true}', '11', 0]);
});

/** Raw response headers of one request (fetch hides transfer-encoding). */
function rawHeaders(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

test('a small JSON or text answer goes out in one piece with its content-length; an event stream streams', async (t) => {
  const server = await listenNode(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/events') return new Response('data: 1\n\n', { headers: { 'content-type': 'text/event-stream' } });
    if (path === '/echo') return Response.json({ got: await request.text() });
    return new Response('héllo', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });
  t.after(() => server.close());
  const text = await rawHeaders(`${server.url}/`);
  assert.equal(text.headers['content-length'], String(Buffer.byteLength('héllo')));
  assert.equal(text.headers['transfer-encoding'], undefined);
  assert.equal(text.body, 'héllo');
  // A small request body with a declared length reaches the handler whole.
  const echo = await rawHeaders(`${server.url}/echo`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json', 'content-length': '7' } });
  assert.deepEqual(JSON.parse(echo.body), { got: '{"a":1}' });
  assert.equal(echo.headers['content-length'], String(Buffer.byteLength(echo.body)));
  const events = await rawHeaders(`${server.url}/events`);
  assert.equal(events.headers['transfer-encoding'], 'chunked');
  assert.equal(events.body, 'data: 1\n\n');
});
