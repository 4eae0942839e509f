/** The emulator against hostile input: faults it could not serve, bodies too large to read. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

/** Writes the head and `chunks` and resolves with the status line as soon as it arrives, body still open. */
function statusBeforeBodyEnds(url: string, head: string, chunks: Buffer[], limitMs = 5_000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${limitMs} ms while the body was still open`));
    }, limitMs);
    socket.on('data', (data) => {
      got += data.toString('latin1');
      const line = got.split('\r\n')[0]!;
      if (got.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(line);
      }
    });
    socket.on('error', () => {});
    socket.write(`${head}\r\n\r\n`);
    for (const chunk of chunks) socket.write(chunk);
  });
}

test('faults it cannot serve are refused when created (a body on 204/205/304, a bad header), and serve nothing', async (t) => {
  const h = await emulatorFor(t);
  for (const spec of [
    { path: '/mfa/', status: 204 },
    { path: '/mfa/', status: 204, body: 'html' },
    { path: '/mfa/', status: 304, body: { a: 1 } },
    { path: '/mfa/', status: 205, body: 'malformed' },
    { path: '/mfa/', status: 500, headers: { 'bad header': 'x' } },
    { path: '/mfa/', status: 500, headers: { 'x-ok': 'line\nbreak' } },
  ]) {
    const res = await h.postJson('/__emulator/faults', spec);
    assert.equal(res.status, 400, JSON.stringify(spec));
    assert.equal(res.body.error, 'invalid_request');
  }
  const served = await h.postJson('/__emulator/faults', { path: '/mfa/', status: 204, body: 'empty' });
  assert.equal(served.status, 201, 'an empty 204 can be served');
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  assert.equal((await h.get('/mfa/authenticators', mfa_token)).status, 204);
  assert.equal((await h.get('/mfa/authenticators', mfa_token)).status, 200, 'nothing refused was left behind');
});

test('a body past 64 KB is a typed 413: by Content-Length unread, or as soon as the stream passes the limit', async (t) => {
  const h = await emulatorFor(t);
  const { port } = new URL(h.url);
  const declared = await statusBeforeBodyEnds(
    h.url,
    `POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 48000000`,
    [],
  );
  assert.match(declared, /^HTTP\/1\.1 413 /, 'answered before a byte of the 48 MB arrived');
  const chunk = Buffer.alloc(70 * 1024, 'a');
  const streamed = await statusBeforeBodyEnds(
    h.url,
    `POST /mfa/associate HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked`,
    [Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')],
  );
  assert.match(streamed, /^HTTP\/1\.1 413 /, 'answered while the chunked body was still open');
  const res = await fetch(`${h.url}/api/v2/users/x/authentication-methods`, { method: 'POST', body: 'a'.repeat(65 * 1024) });
  assert.equal(res.status, 413);
  assert.deepEqual(await res.json(), { statusCode: 413, error: 'Payload Too Large', message: 'The request body is too large.', errorCode: 'payload_too_large' });
  const small = await h.grant('password', { username: 'demo@example.com', password: 'demo' });
  assert.equal(small.status, 403, 'an ordinary body is still read');
});
