/** How the emulator reads requests and words its error answers (src/emulator/http.ts, router.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ManagementError,
  OAuthError,
  bearerToken,
  json,
  noContent,
  optionalString,
  parseParams,
  requiredString,
  stringList,
} from '../../src/emulator/http.js';
import { Call, matchRoute, type Route } from '../../src/emulator/router.js';

const refusal = (fn: () => unknown, description: string) =>
  assert.throws(fn, (e: unknown) => e instanceof OAuthError && e.status === 400 && e.code === 'invalid_request' && e.message === description);

test('a body is read as JSON when it says so, or looks like an object and does not say form', () => {
  assert.deepEqual(parseParams('{"a":"1"}', 'application/json'), { a: '1' });
  assert.deepEqual(parseParams('{"a":"1"}', 'APPLICATION/JSON; charset=utf-8'), { a: '1' });
  assert.deepEqual(parseParams('  {"a":"1"}', null), { a: '1' });
  assert.deepEqual(parseParams('{"a":"1"}', 'text/plain'), { a: '1' });
  // A form that happens to start with a brace stays a form.
  assert.deepEqual(parseParams('{x=1', 'application/x-www-form-urlencoded'), { '{x': '1' });
  assert.deepEqual(parseParams('{x=1', 'APPLICATION/X-WWW-FORM-URLENCODED'), { '{x': '1' }, 'the type in any case');
  assert.deepEqual(parseParams('a=1&b=two+words', 'application/x-www-form-urlencoded'), { a: '1', b: 'two words' });
  assert.deepEqual(parseParams('a=1', null), { a: '1' });
  assert.deepEqual(parseParams('', 'application/json'), {});
  assert.deepEqual(parseParams(' \n ', 'application/json'), {});
});

test('a JSON body that does not parse, or is not an object, is invalid_request with the reason', () => {
  refusal(() => parseParams('{"a":', 'application/json'), 'The request body is not valid JSON.');
  refusal(() => parseParams('[1]', 'application/json'), 'The request body must be a JSON object.');
  refusal(() => parseParams('null', 'application/json'), 'The request body must be a JSON object.');
  refusal(() => parseParams('"text"', 'application/json'), 'The request body must be a JSON object.');
});

test('string parameters: empty means absent, anything but a string is refused by name', () => {
  const params = { s: 'x', empty: '', nil: null, n: 5 };
  assert.equal(optionalString(params, 's'), 'x');
  assert.equal(optionalString(params, 'empty'), undefined);
  assert.equal(optionalString(params, 'nil'), undefined);
  assert.equal(optionalString(params, 'missing'), undefined);
  refusal(() => optionalString(params, 'n'), 'Parameter n must be a string.');
  assert.equal(requiredString(params, 's'), 'x');
  refusal(() => requiredString(params, 'empty'), 'Missing required parameter: empty');
});

test('list parameters: an array of strings, or one string split on spaces and commas', () => {
  assert.deepEqual(stringList({ l: ['a', 'b'] }, 'l'), ['a', 'b']);
  assert.deepEqual(stringList({ l: 'a' }, 'l'), ['a']);
  assert.deepEqual(stringList({ l: ' a, b  c,,' }, 'l'), ['a', 'b', 'c']);
  assert.equal(stringList({ l: '' }, 'l'), undefined);
  assert.equal(stringList({ l: null }, 'l'), undefined);
  assert.equal(stringList({}, 'l'), undefined);
  refusal(() => stringList({ l: ['a', 1] }, 'l'), 'Parameter l must be an array of strings.');
  refusal(() => stringList({ l: 7 }, 'l'), 'Parameter l must be an array of strings.');
});

test('the bearer: one token after "Bearer" in any case, trailing space allowed, nothing else', () => {
  const req = (authorization?: string) => new Request('http://e.test/', authorization ? { headers: { authorization } } : {});
  assert.equal(bearerToken(req('Bearer abc')), 'abc');
  assert.equal(bearerToken(req('bearer   abc  ')), 'abc');
  assert.equal(bearerToken(req()), undefined);
  assert.equal(bearerToken(req('Bearer')), undefined);
  assert.equal(bearerToken(req('Bearer a b')), undefined);
  assert.equal(bearerToken(req('xBearer abc')), undefined);
  assert.equal(bearerToken(req('Basic abc')), undefined);
});

test('JSON answers are never cached; error bodies take the shape of their API', async () => {
  const ok = json({ a: 1 }, 201, { 'x-extra': 'y' });
  assert.equal(ok.status, 201);
  assert.equal(ok.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  assert.equal(ok.headers.get('x-extra'), 'y');
  assert.deepEqual(await ok.json(), { a: 1 });
  assert.equal(json({}).status, 200);

  const none = noContent({ 'x-a': 'b' });
  assert.equal(none.status, 204);
  assert.equal(none.headers.get('x-a'), 'b');

  const oauth = new OAuthError(429, 'too_many_attempts', 'Slow down.', { 'retry-after': '5' }).toResponse();
  assert.equal(oauth.status, 429);
  assert.equal(oauth.headers.get('retry-after'), '5');
  assert.deepEqual(await oauth.json(), { error: 'too_many_attempts', error_description: 'Slow down.' });

  const management = new ManagementError(404, 'inexistent_user', 'No such user.').toResponse();
  assert.deepEqual(await management.json(), { statusCode: 404, error: 'Not Found', message: 'No such user.', errorCode: 'inexistent_user' });
  // A status without a reason phrase of its own still says something.
  const teapot = new ManagementError(418, 'x', 'y').toResponse();
  assert.equal((await teapot.json()).error, 'Error');
});

const route = (method: string, path: string): Route => ({ method, path, handle: () => new Response(null, { status: 204 }) });

test('routes: segments match exactly, captures are decoded and never empty, another method is a 405', () => {
  const routes = [route('GET', '/a/:id/b'), route('POST', '/a/:id/b'), route('GET', '/c')];
  const get = matchRoute(routes, 'GET', '/a/x%7Cy/b');
  assert.ok(get && typeof get === 'object');
  assert.equal(get.route, routes[0]);
  assert.deepEqual(get.path, { id: 'x|y' });
  const post = matchRoute(routes, 'POST', '/a/z/b');
  assert.ok(post && typeof post === 'object');
  assert.equal(post.route, routes[1]);
  assert.equal(matchRoute(routes, 'DELETE', '/a/z/b'), 'method_not_allowed');
  assert.equal(matchRoute(routes, 'POST', '/c'), 'method_not_allowed');
  assert.equal(matchRoute(routes, 'GET', '/a//b'), undefined);
  assert.equal(matchRoute(routes, 'GET', '/a/%E0%A4%A/b'), undefined);
  assert.equal(matchRoute(routes, 'GET', '/a/z/b/'), undefined);
  assert.equal(matchRoute(routes, 'GET', '/a/z/q'), undefined);
  assert.equal(matchRoute(routes, 'GET', '/cc'), undefined);
  assert.equal(matchRoute(routes, 'GET', '/nowhere'), undefined);
  // A malformed escape in one route's capture does not hide a later literal route.
  const later = [route('GET', '/:id'), route('GET', '/%zz')];
  const found = matchRoute(later, 'GET', '/%zz');
  assert.ok(found && typeof found === 'object');
  assert.equal(found.route, later[1]);
});

test('a call reads its body once, knows its method in capitals, and peeks a broken body as empty', () => {
  const call = new Call(new Request('http://127.0.0.1:9/p?q=1', { method: 'post', headers: { 'content-type': 'application/json' } }), '{"a":"b"}');
  assert.equal(call.method, 'POST');
  assert.equal(call.origin, 'http://127.0.0.1:9');
  assert.equal(call.url.pathname, '/p');
  const first = call.params();
  assert.deepEqual(first, { a: 'b' });
  assert.equal(call.params(), first);
  const broken = new Call(new Request('http://e.test/', { method: 'POST', headers: { 'content-type': 'application/json' } }), '{');
  assert.deepEqual(broken.peekParams(), {});
  assert.throws(() => broken.params(), OAuthError);
});
