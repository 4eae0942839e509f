import { getEventListeners } from 'node:events';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '../../src/core/http.js';
import { MfaError } from '../../src/core/errors.js';
import { within } from '../helpers/within.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const handler = routes.get(new URL(req.url!, 'http://x').pathname);
      if (handler) handler(req, res, body);
      else json(404, { error: 'not_found' })(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(path: string, init: Partial<Parameters<typeof request>[0]> = {}): Promise<MfaError> {
  try {
    await request({ url: base + path, parse: (b) => b, ...init });
  } catch (error) {
    assert.ok(error instanceof MfaError, `expected an MfaError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('http request', () => {
  it('refuses a redirect to another origin: the token in the body is never sent there', async () => {
    const received: string[] = [];
    const elsewhere = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"access_token":"stolen"}');
      });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/oauth/token`;
      for (const status of [301, 302, 303, 307, 308]) {
        routes.set('/moved', (_req, res) => {
          res.writeHead(status, { location: target });
          res.end();
        });
        const error = await failure('/moved', { method: 'POST', form: { mfa_token: 'secret-mfa-token', otp: '123456' } });
        assert.equal(error.code, 'bad_response', `${status}`);
        assert.equal(error.status, status);
      }
      assert.deepEqual(received, [], 'nothing reached the other origin');
    } finally {
      elsewhere.closeAllConnections();
      elsewhere.close();
    }
  });

  it('parses a JSON body through the parse callback and sends JSON and form bodies', async () => {
    routes.set('/echo', (req, res, body) =>
      json(200, { method: req.method, type: req.headers['content-type'], auth: req.headers.authorization ?? null, body })(req, res, body),
    );
    const viaJson = await request({ url: `${base}/echo`, method: 'POST', json: { a: 1 }, parse: (b) => b as Record<string, unknown> });
    assert.deepEqual(viaJson, { method: 'POST', type: 'application/json', auth: null, body: '{"a":1}' });
    const viaForm = await request({
      url: `${base}/echo`, method: 'POST', form: { grant_type: 'x', otp: '1 2' },
      headers: { authorization: 'Bearer t' }, parse: (b) => b as Record<string, unknown>,
    });
    assert.deepEqual(viaForm, { method: 'POST', type: 'application/x-www-form-urlencoded', auth: 'Bearer t', body: 'grant_type=x&otp=1+2' });
  });

  it('resolves 204 and empty bodies to undefined', async () => {
    routes.set('/204', (_req, res) => res.writeHead(204).end());
    routes.set('/empty', (_req, res) => res.writeHead(200).end());
    assert.equal(await request({ url: `${base}/204`, method: 'DELETE' }), undefined);
    assert.equal(await request({ url: `${base}/empty` }), undefined);
  });

  it('maps an Auth0 error body with code, status and description', async () => {
    routes.set('/grant', json(403, { error: 'invalid_grant', error_description: 'Invalid otp_code.' }, { 'x-ratelimit-remaining': '7' }));
    const error = await failure('/grant');
    assert.deepEqual([error.code, error.status, error.description, error.attemptsLeft, error.retryAfter], [
      'invalid_grant', 403, 'Invalid otp_code.', 7, undefined,
    ]);
  });

  it('maps a Management API error body (errorCode, message)', async () => {
    routes.set('/mgmt', json(400, { statusCode: 400, error: 'Bad Request', message: 'Payload validation failed', errorCode: 'invalid_body' }));
    const error = await failure('/mgmt');
    assert.deepEqual([error.code, error.description], ['invalid_body', 'Payload validation failed']);
    routes.set('/mgmt2', json(403, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope' }));
    assert.equal((await failure('/mgmt2')).code, 'http_error', 'the reason phrase is not a code');
  });

  it('keeps the mfa_token of an mfa_required body, out of the message', async () => {
    routes.set('/mfa', json(403, { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'tok-123' }));
    const error = await failure('/mfa');
    assert.equal(error.code, 'mfa_required');
    assert.equal(error.mfaToken, 'tok-123');
    assert.equal(error.message.includes('tok-123'), false);
  });

  it('turns "User is already enrolled" into already_enrolled', async () => {
    routes.set('/assoc', json(403, { error: 'access_denied', error_description: 'User is already enrolled.' }));
    assert.equal((await failure('/assoc')).code, 'already_enrolled');
  });

  it('derives a code from the status when the body has none, and reads Retry-After', async (t) => {
    // The client's clock is frozen so the reset time is exactly 60 s ahead of it.
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    t.mock.timers.enable({ apis: ['Date'], now });
    routes.set('/429', json(429, 'Too Many Requests', { 'retry-after': '30' }));
    routes.set('/429-reset', json(429, {}, { 'x-ratelimit-reset': String(now / 1000 + 60) }));
    routes.set('/503', json(503, '', { 'retry-after': '5' }));
    routes.set('/418', json(418, { nope: true }));
    const limited = await failure('/429');
    assert.deepEqual([limited.code, limited.status, limited.retryAfter], ['rate_limited', 429, 30]);
    const reset = await failure('/429-reset');
    assert.equal(reset.retryAfter, 60);
    const unavailable = await failure('/503');
    assert.deepEqual([unavailable.code, unavailable.retryAfter], ['server_unavailable', 5]);
    assert.equal((await failure('/418')).code, 'http_error');
  });

  it('keeps the Auth0 code on a 429 and ignores x-ratelimit-reset on other statuses', async (t) => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    t.mock.timers.enable({ apis: ['Date'], now });
    routes.set('/too-many', json(429, { error: 'too_many_attempts' }, { 'retry-after': '360', 'x-ratelimit-remaining': '0' }));
    const error = await failure('/too-many');
    assert.deepEqual([error.code, error.retryAfter, error.attemptsLeft], ['too_many_attempts', 360, 0]);
    routes.set('/pending', json(400, { error: 'authorization_pending' }, { 'x-ratelimit-reset': String(now / 1000 + 60) }));
    assert.equal((await failure('/pending')).retryAfter, undefined);
  });

  it('never crashes on an HTML error page', async () => {
    routes.set('/html', (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>'));
    const error = await failure('/html');
    assert.deepEqual([error.code, error.status, error.description], ['server_unavailable', 502, undefined]);
  });

  it('reports non-JSON or wrongly shaped 2xx bodies as bad_response', async () => {
    routes.set('/html200', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>login</p>'));
    routes.set('/truncated', json(200, '{"access_token": "a'));
    routes.set('/shape', json(200, { unexpected: true }));
    assert.equal((await failure('/html200')).code, 'bad_response');
    assert.equal((await failure('/truncated')).code, 'bad_response');
    const shape = await failure('/shape', {
      parse: (body) => {
        throw new TypeError(`access_token: expected a string, got ${typeof (body as { access_token?: unknown }).access_token}`);
      },
    });
    assert.deepEqual([shape.code, shape.status], ['bad_response', 200]);
    assert.ok(shape.cause instanceof TypeError);
  });

  it('times out, also when the body stalls', async () => {
    routes.set('/slow', () => {});
    routes.set('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    // The routes never answer: without a working timeout these would hang, so each wait has a limit.
    assert.equal((await within(failure('/slow', { timeoutMs: 100 }), 'timeout of a request with no answer')).code, 'timeout');
    assert.equal((await within(failure('/stall', { timeoutMs: 100 }), 'timeout of a stalled body')).code, 'timeout');
  });

  it('aborts through the caller signal, before and during the request', async () => {
    routes.set('/slow', () => {});
    assert.equal((await failure('/slow', { signal: AbortSignal.abort() })).code, 'aborted');
    const controller = new AbortController();
    // Abort once the server holds the request, so the abort lands during it.
    const arrived = new Promise<void>((resolve) => routes.set('/held', () => resolve()));
    const pending = failure('/held', { signal: controller.signal, timeoutMs: 60_000 });
    await within(arrived, 'the request reaching the server');
    controller.abort();
    assert.equal((await within(pending, 'the aborted request settling')).code, 'aborted');
  });

  it('maps a refused connection to network_error and uses the injected fetch', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure('', { url: `http://127.0.0.1:${port}/x` });
    assert.equal(error.code, 'network_error');
    const seen: string[] = [];
    const result = await request({
      url: 'https://tenant.example/x',
      fetch: async (url) => {
        seen.push(url);
        return new Response('[1]', { status: 200 });
      },
      parse: (b) => b,
    });
    assert.deepEqual([seen, result], [['https://tenant.example/x'], [1]]);
  });
});

/** A fetch whose answer the test releases, and that rejects with the signal's reason on abort. */
function heldFetch() {
  let release!: (response: Response) => void;
  const fetch = (_url: string, init?: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      release = resolve;
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
    });
  return { fetch, release: (response: Response) => release(response) };
}

describe('http request: deadline and signal', () => {
  it('a timeoutMs of 0, a negative one or Infinity sets no deadline at all', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    for (const timeoutMs of [0, -1, Infinity]) {
      const held = heldFetch();
      const pending = request({ url: 'https://tenant.example/x', fetch: held.fetch, timeoutMs, parse: (b) => b });
      t.mock.timers.runAll(); // a deadline, had one been set, would fire here
      held.release(new Response('[1]', { status: 200 }));
      assert.deepEqual(await pending, [1], String(timeoutMs));
    }
  });

  it('times out at timeoutMs and not before, with a TimeoutError as the cause', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const held = heldFetch();
    let settled = false;
    const pending = request({ url: 'https://tenant.example/x', fetch: held.fetch, timeoutMs: 1_000 }).finally(() => (settled = true));
    t.mock.timers.tick(999);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false);
    t.mock.timers.tick(1);
    const error = await failureOf(pending);
    assert.equal(error.code, 'timeout');
    assert.ok(error.cause instanceof DOMException);
    assert.deepEqual([(error.cause as DOMException).name, (error.cause as DOMException).message], ['TimeoutError', 'The request timed out.']);
  });

  it('an abort keeps its reason as the cause, before and during the request', async () => {
    const reason = new Error('user left');
    const early = await failureOf(request({ url: 'https://tenant.example/x', signal: AbortSignal.abort(reason) }));
    assert.deepEqual([early.code, early.cause], ['aborted', reason]);
    const controller = new AbortController();
    const held = heldFetch();
    const pending = request({ url: 'https://tenant.example/x', fetch: held.fetch, signal: controller.signal });
    controller.abort(reason);
    const late = await failureOf(pending);
    assert.deepEqual([late.code, late.cause], ['aborted', reason]);
  });

  it('leaves no listener on a long-lived signal after each request', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) {
      await request({ url: 'https://tenant.example/x', signal: controller.signal, fetch: async () => new Response('[]') });
    }
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});

describe('http request: headers and bodies', () => {
  it('asks for JSON, and sends no content type without a body', async () => {
    routes.set('/headers', (req, res, body) => json(200, { accept: req.headers.accept, type: req.headers['content-type'] ?? null })(req, res, body));
    assert.deepEqual(await request({ url: `${base}/headers`, parse: (b) => b }), { accept: 'application/json', type: null });
  });

  it('gives parse undefined for an empty or blank 2xx body, and says when a body is not JSON', async () => {
    routes.set('/blank', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(' \n '));
    routes.set('/nothing', (_req, res) => res.writeHead(200).end());
    const seen: unknown[] = [];
    await request({ url: `${base}/blank`, parse: (b) => seen.push(b) });
    await request({ url: `${base}/nothing`, parse: (b) => seen.push(b) });
    assert.deepEqual(seen, [undefined, undefined]);
    routes.set('/text', (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('OK'));
    const error = await failure('/text');
    assert.deepEqual([error.code, error.status, error.message], ['bad_response', 200, 'bad_response: response is not JSON']);
  });

  it('passes an MfaError thrown by parse on as it is', async () => {
    routes.set('/ok', json(200, { fine: true }));
    const own = new MfaError('invalid_uri', { description: 'not https' });
    assert.equal(await failure('/ok', { parse: () => { throw own; } }), own);
  });

  it('says why it refuses a 3xx, including 300', async () => {
    routes.set('/choices', (_req, res) => res.writeHead(300, { 'content-type': 'application/json' }).end('{}'));
    const error = await failure('/choices');
    assert.deepEqual([error.code, error.status, error.message], [
      'bad_response', 300, 'bad_response: the server answered with a redirect, which is not followed',
    ]);
  });
});

describe('http request: error bodies', () => {
  it('reads the reset time of a 503 that has no Retry-After', async (t) => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    t.mock.timers.enable({ apis: ['Date'], now });
    routes.set('/busy', json(503, {}, { 'x-ratelimit-reset': String(now / 1000 + 20) }));
    assert.equal((await failure('/busy')).retryAfter, 20);
  });

  it('takes x-ratelimit-remaining only as a whole number, and nothing when it is absent', async () => {
    const left = async (value?: string): Promise<number | undefined> => {
      routes.set('/left', json(403, { error: 'invalid_grant' }, value === undefined ? {} : { 'x-ratelimit-remaining': value }));
      return (await failure('/left')).attemptsLeft;
    };
    assert.equal(await left('12'), 12);
    assert.equal(await left(undefined), undefined);
    assert.equal(await left('7 left'), undefined);
    assert.equal(await left('x7'), undefined);
  });

  it('reads mfa_token only from an mfa_required answer, and treats empty strings as absent', async () => {
    routes.set('/denied', json(403, { error: 'access_denied', mfa_token: 'tok-1' }));
    assert.equal((await failure('/denied')).mfaToken, undefined);
    routes.set('/blank-error', json(400, { error: '', error_description: '' }));
    const blank = await failure('/blank-error');
    assert.deepEqual([blank.code, blank.description], ['http_error', undefined]);
  });
});

async function failureOf(promise: Promise<unknown>): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MfaError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}
