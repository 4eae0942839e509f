/**
 * Injected faults as a client under test meets them: the exact bodies and types of each canned
 * answer, a latency-only fault leaving the real answer, preflights left alone unless named, and how
 * many requests a fault lasts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

test('faults: each canned body with its type; the fault’s own content-type wins', async (t) => {
  const h = await emulatorFor(t);
  const answer = async (spec: Record<string, unknown>) => {
    assert.equal((await h.postJson('/__emulator/faults', { path: '/mfa/', ...spec })).status, 201);
    const res = await h.get('/mfa/authenticators');
    return [res.status, res.headers.get('content-type'), await res.text()];
  };
  assert.deepEqual(await answer({ status: 502, body: 'malformed' }), [502, 'application/json', '{"error":"server_error","error_descr']);
  const [status, type, html] = await answer({ status: 503, body: 'html' });
  assert.deepEqual([status, type], [503, 'text/html; charset=utf-8']);
  assert.equal(html, '<!DOCTYPE html><html><head><title>503 Error</title></head><body><h1>503 Error</h1><p>Injected by the emulator.</p></body></html>');
  assert.deepEqual(await answer({ status: 500, body: 'html', headers: { 'content-type': 'text/plain' } }), [500, 'text/plain', html.replaceAll('503', '500')]);
  assert.deepEqual(await answer({ status: 500, body: 'malformed', headers: { 'content-type': 'text/x-broken' } }), [500, 'text/x-broken', '{"error":"server_error","error_descr']);
  assert.deepEqual(await answer({ status: 503 }), [503, 'application/json; charset=utf-8', '{"error":"server_error","error_description":"Fault injected by the emulator."}']);
  assert.deepEqual(await answer({ body: { error: 'custom' } }), [500, 'application/json; charset=utf-8', '{"error":"custom"}'], 'a body alone is a 500');
  assert.deepEqual(await answer({ status: 204, body: 'empty' }), [204, null, '']);
  assert.deepEqual(await answer({ status: 200, body: 'empty' }), [200, null, '']);
});

test('faults: a latency-only fault delays the real answer without replacing it', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', latencyMs: 1 });
  const res = await h.getJson('/mfa/authenticators', mfa_token);
  assert.deepEqual([res.status, res.body], [200, []]);
  const log = (await h.getJson('/__emulator/requests')).body as Array<{ path: string; fault?: boolean }>;
  assert.equal(log.find((e) => e.path === '/mfa/authenticators')?.fault, true, 'the log still says a fault was met');
});

test('faults: an OPTIONS request passes a fault that names no method; one naming OPTIONS meets it; a CORS preflight is never faulted', async (t) => {
  const h = await emulatorFor(t);
  const options = (headers: Record<string, string> = {}) => fetch(`${h.url}/mfa/authenticators`, { method: 'OPTIONS', headers });
  await h.postJson('/__emulator/faults', { path: '/mfa/', status: 503 });
  const plain = await options();
  assert.deepEqual([plain.status, plain.headers.get('allow')], [204, 'GET, POST, DELETE, OPTIONS']);
  assert.equal((await h.get('/mfa/authenticators')).status, 503, 'the fault was kept for the next real request');
  await h.postJson('/__emulator/faults', { path: '/mfa/', method: 'OPTIONS', status: 503, times: -1 });
  assert.equal((await options()).status, 503, 'a fault for OPTIONS does meet an OPTIONS request');
  // A browser's preflight is answered before any fault: a failed one would only show as an opaque network error.
  const preflight = await options({ origin: 'http://app.test', 'access-control-request-method': 'GET' });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://app.test');
});

test('faults: times counts the requests it answers; 0 and -1 last until cleared', async (t) => {
  const h = await emulatorFor(t);
  const statuses = async (n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await h.get('/mfa/authenticators')).status);
    return out;
  };
  await h.postJson('/__emulator/faults', { path: '/mfa/', status: 503, times: 3 });
  assert.deepEqual(await statuses(4), [503, 503, 503, 401]);
  await h.postJson('/__emulator/faults', { path: '/mfa/', status: 503 });
  assert.deepEqual(await statuses(2), [503, 401], 'once by default');
  for (const times of [0, -1]) {
    await h.postJson('/__emulator/faults', { path: '/mfa/', status: 502, times });
    assert.deepEqual(await statuses(3), [502, 502, 502], `times ${times}`);
    await h.del('/__emulator/faults');
    assert.deepEqual(await statuses(1), [401]);
  }
});
