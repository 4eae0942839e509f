import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

// How the Management API reads a request's paging and its bearer token (routes/management.ts,
// http.ts): a page size of several digits is a non-negative integer like any other, and a token is
// the token whatever white space (in JavaScript's sense) follows it in the header.

const methodsPath = (userId: string) => `/api/v2/users/${encodeURIComponent(userId)}/authentication-methods`;

test('per_page=10&page=0 lists the methods: a page size of two digits is accepted', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  const answer = await h.getJson(`${methodsPath(user.id)}?per_page=10&page=0`, await h.managementToken());
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual((answer.body as { type: string }[]).map((m) => m.type), ['email', 'recovery-code']);
});

test('a bearer token followed by a no-break space (U+00A0) is still that token', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  const token = await h.managementToken();
  const answer = await fetch(`${h.url}${methodsPath(user.id)}`, { headers: { authorization: `Bearer ${token}\u00a0` } });
  const body = await answer.json();
  assert.equal(answer.status, 200, JSON.stringify(body));
  assert.deepEqual((body as { type: string }[]).map((m) => m.type), ['email', 'recovery-code']);
});
