/**
 * The responses the proxy and the emulator build from a string (src/server/text-response.ts): their
 * stream is made only when something reads the body, and every reader sees what
 * `new Response(text, init)` would have given it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownText, textResponse } from '../../src/server/text-response.js';

describe('textResponse', () => {
  it('reads like new Response(text): status, headers, text, json, bytes, the stream', async () => {
    const make = () => textResponse('{"é":1}', { status: 201, statusText: 'Made', headers: { 'content-type': 'application/json' } });
    const r = make();
    assert.ok(r instanceof Response);
    assert.deepEqual([r.status, r.statusText, r.ok, r.headers.get('content-type'), r.bodyUsed], [201, 'Made', true, 'application/json', false]);
    assert.equal(await r.text(), '{"é":1}');
    assert.deepEqual(await make().json(), { é: 1 });
    assert.deepEqual(new Uint8Array(await make().arrayBuffer()), new TextEncoder().encode('{"é":1}'));
    assert.equal(await (await make().blob()).text(), '{"é":1}');
    assert.equal(await new Response(make().body).text(), '{"é":1}', 'the stream a framework pipes');
    assert.equal(textResponse('hi', {}).headers.get('content-type'), 'text/plain;charset=UTF-8', 'the default type of a string body');
  });

  it('a read body is used: read twice, cloned or written from its string, it is not', async () => {
    const r = textResponse('[1]', {});
    assert.equal(knownText(r), '[1]', 'the Node adapter writes the string while nobody has read it');
    await r.text();
    assert.equal(r.bodyUsed, true);
    assert.equal(knownText(r), undefined);
    await assert.rejects(r.text(), TypeError);
    assert.throws(() => r.clone(), TypeError);
  });

  it('a clone is a second body: reading one leaves the other whole', async () => {
    const r = textResponse('[2]', { status: 202, headers: { 'x-a': 'b' } });
    const copy = r.clone();
    assert.deepEqual([copy.status, copy.headers.get('x-a'), await copy.text()], [202, 'b', '[2]']);
    assert.deepEqual([r.bodyUsed, knownText(r), await r.text()], [false, '[2]', '[2]']);
    const streamed = textResponse('[3]', {});
    const reader = streamed.body!.getReader();
    assert.throws(() => streamed.clone(), TypeError, 'a locked stream cannot be cloned, as with any response');
    reader.releaseLock();
  });

  it('refuses a body on a status that has none, as the platform does', () => {
    for (const status of [204, 205, 304]) assert.throws(() => textResponse('{}', { status }), TypeError, String(status));
  });
});
