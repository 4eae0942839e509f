/**
 * The Node adapter's shortcut for answers this package builds from a string (src/server/text-response.ts:
 * the string is written without building a stream) must not show on the wire: over a real socket, GET
 * and HEAD of a string-built answer go out exactly as the platform's `new Response(text)` of the same
 * text does, with the length counted in bytes for text that is not ASCII.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listenNode } from '../../src/server/index.js';
import { textResponse } from '../../src/server/text-response.js';
import { rawRequest, type RawAnswer } from '../helpers/raw-http.js';

// Two-byte, three-byte and four-byte UTF-8 characters: 16 characters, more bytes.
const TEXT = 'Code envoyé ✓ — 🔐 ok';

/** Status line, headers (without the clock's `date`) and body, as they came over the socket. */
const wire = ({ raw, headers, body }: RawAnswer) => {
  const { date: _date, ...rest } = headers;
  return { line: raw.split('\r\n')[0], headers: rest, body };
};

describe('the Node adapter writes a string-built answer as the platform Response of that string', () => {
  it('GET and HEAD are the same on the wire; the length is in bytes', async (t) => {
    const server = await listenNode(async (request) =>
      new URL(request.url).pathname === '/built' ? textResponse(TEXT, { status: 200 }) : new Response(TEXT, { status: 200 }),
    );
    t.after(() => server.close());
    const ask = async (method: string, path: string) => wire(await rawRequest(server.url, `${method} ${path} HTTP/1.1\r\nHost: x`));

    const get = await ask('GET', '/built');
    assert.equal(get.headers['content-length'], String(Buffer.byteLength(TEXT)), 'GET: Content-Length counts bytes');
    assert.equal(Buffer.from(get.body, 'latin1').toString('utf8'), TEXT, 'GET: the whole text');
    assert.deepEqual(get, await ask('GET', '/platform'), 'GET: as new Response(text)');

    const head = await ask('HEAD', '/built');
    assert.equal(head.body, '', 'HEAD: no body');
    assert.deepEqual(head, await ask('HEAD', '/platform'), 'HEAD: the same head as new Response(text)');
  });

  it('a client reading by Content-Length gets the whole non-ASCII text', async (t) => {
    const server = await listenNode(async () => textResponse(TEXT, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    t.after(() => server.close());
    const res = await fetch(`${server.url}/x`);
    assert.equal(await res.text(), TEXT);
  });
});
