/**
 * textResponse (src/server/text-response.ts) read the ways a framework may read it: as a form, cloned
 * after its stream was made but before it was read, refused on a null-body status with the
 * platform's own words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownText, textResponse } from '../../src/server/text-response.js';

describe('textResponse, read as any Response', () => {
  it('reads as a form, as new Response(text) does', async () => {
    const form = await textResponse('a=1&b=%C3%A9', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
    assert.deepEqual([...form.entries()], [['a', '1'], ['b', 'é']]);
  });

  it('a clone taken once the stream exists, unread, keeps status, status text, headers and body', async () => {
    const r = textResponse('{"n":1}', { status: 202, statusText: 'Queued', headers: { 'content-type': 'application/json', 'x-a': 'b' } });
    assert.ok(r.body, 'the stream is made');
    const copy = r.clone();
    assert.deepEqual(
      [copy.status, copy.statusText, copy.headers.get('content-type'), copy.headers.get('x-a'), await copy.text()],
      [202, 'Queued', 'application/json', 'b', '{"n":1}'],
    );
    assert.deepEqual([r.bodyUsed, await r.json()], [false, { n: 1 }]);
    assert.equal(knownText(r), undefined, 'once read, the adapter reads it as any response');
  });

  it('refuses a null-body status with the message new Response(text) gives', () => {
    for (const status of [204, 205, 304]) {
      let platform = '';
      try {
        new Response('{}', { status });
      } catch (error) {
        platform = (error as Error).message;
      }
      assert.throws(() => textResponse('{}', { status }), { name: 'TypeError', message: platform }, String(status));
    }
  });
});
