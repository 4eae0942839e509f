/**
 * Requests fetch's `Request` cannot represent, and paths with malformed escapes, on every adapter:
 * the proxy under listenNode, Express 5 (also with NODE_ENV=production) and Hono, and the emulator.
 * Each answer is a typed JSON 4xx, never a 500, an HTML page or a stack trace.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { createApp as createExpressApp } from '../../examples/server/express.js';
import { createApp as createHonoApp } from '../../examples/server/hono.js';
import { createEmulator } from '../../src/emulator/index.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';
import { createMfaProxy, listenNode } from '../../src/server/index.js';
import { rawRequest, type RawAnswer } from '../helpers/raw-http.js';
import { M2M_CLIENT, WEB_CLIENT } from './fixtures/emulator-admin.js';

const APP_ORIGIN = 'https://app.example.com';

const MALFORMED_HEADS = (path: string): Array<[string, string]> => [
  ['TRACE', `TRACE ${path} HTTP/1.1\r\nHost: 127.0.0.1`],
  ['Host: a b', `GET ${path} HTTP/1.1\r\nHost: a b`],
  ['Host: [', `GET ${path} HTTP/1.1\r\nHost: [`],
  ['Host: 127.0.0.1:99999', `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:99999`],
];
const BAD_ESCAPES = ['%C0%AE%C0%AE', '%', '%E0%A4%A'];

function assertTyped(answer: RawAnswer, what: string): void {
  assert.ok(answer.status >= 400 && answer.status < 500, `${what}: 4xx, got ${answer.status}\n${answer.raw.slice(0, 400)}`);
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/, `${what}: JSON`);
  assert.doesNotMatch(answer.raw, /at .+:\d+:\d+|\/work\/|node_modules|<html|URIError/i, `${what}: no stack or page`);
  const body = answer.body.includes('{') ? answer.body.slice(answer.body.indexOf('{'), answer.body.lastIndexOf('}') + 1) : '';
  assert.equal(typeof JSON.parse(body).error, 'string', `${what}: an error code`);
}

async function emulatorUrl(t: TestContext): Promise<string> {
  const server = await createEmulator({ log: () => {}, signingKey: TEST_SIGNING_KEY }).listen({ port: 0 });
  t.after(() => server.close());
  return server.url;
}

function config(auth0Domain: string) {
  return {
    auth0Domain,
    clientId: WEB_CLIENT.clientId,
    clientSecret: WEB_CLIENT.clientSecret,
    managementClientId: M2M_CLIENT.clientId,
    managementClientSecret: M2M_CLIENT.clientSecret,
    appOrigin: APP_ORIGIN,
    getSession: () => ({ userId: 'auth0|someone', accessToken: 'not-a-real-token' }),
    saveTokens: () => {},
  };
}

async function listenExpress(t: TestContext, domain: string, env?: string): Promise<string> {
  // Next.js's typings make NODE_ENV read-only; Express reads it when the app is made.
  const vars = process.env as Record<string, string | undefined>;
  const before = vars.NODE_ENV;
  if (env) vars.NODE_ENV = env;
  const app = createExpressApp(config(domain));
  if (env) vars.NODE_ENV = before;
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  t.after(() => server.closeAllConnections());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function checkAll(url: string, base: string, what: string): Promise<void> {
  for (const [name, head] of MALFORMED_HEADS(`${base}/authenticators`)) assertTyped(await rawRequest(url, head), `${what} ${name}`);
  for (const escape of BAD_ESCAPES) {
    const head = `DELETE ${base}/authenticators/${escape} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${APP_ORIGIN}\r\nX-Requested-With: mfa-elements\r\nContent-Length: 0`;
    assertTyped(await rawRequest(url, head), `${what} DELETE ${escape}`);
  }
}

describe('malformed requests: a typed 4xx on every adapter', () => {
  it('the proxy under listenNode', async (t) => {
    const domain = await emulatorUrl(t);
    const proxy = createMfaProxy({
      domain,
      clientId: WEB_CLIENT.clientId,
      clientSecret: WEB_CLIENT.clientSecret,
      allowedOrigins: [APP_ORIGIN],
      getSession: () => ({ userId: 'auth0|someone', accessToken: 'x' }),
      onError: () => {},
    });
    const server = await listenNode(proxy);
    t.after(() => server.close());
    await checkAll(server.url, '/api/auth/mfa', 'listenNode');
  });

  for (const env of [undefined, 'production']) {
    it(`the Express example${env ? ` (NODE_ENV=${env})` : ''}`, async (t) => {
      const url = await listenExpress(t, await emulatorUrl(t), env);
      await checkAll(url, '/api/auth/mfa', 'express');
      // Outside the mount too: the app's own routes answer JSON, not Express's HTML pages.
      for (const path of ['/nowhere', '/health/%', '/%C0%AE']) assertTyped(await rawRequest(url, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1`), `express ${path}`);
      assertTyped(
        await rawRequest(url, `POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5`, '{"a":'),
        'express bad JSON',
      );
    });
  }

  it('the Hono example under listenNode', async (t) => {
    const app = createHonoApp(config(await emulatorUrl(t)));
    const server = await listenNode(async (request) => app.fetch(request));
    t.after(() => server.close());
    await checkAll(server.url, '/api/auth/mfa', 'hono');
  });

  it('the emulator', async (t) => {
    const url = await emulatorUrl(t);
    for (const [name, head] of MALFORMED_HEADS('/mfa/authenticators')) assertTyped(await rawRequest(url, head), `emulator ${name}`);
    for (const escape of BAD_ESCAPES) {
      assertTyped(await rawRequest(url, `DELETE /mfa/authenticators/${escape} HTTP/1.1\r\nHost: 127.0.0.1`), `emulator mfa ${escape}`);
      assertTyped(await rawRequest(url, `GET /api/v2/users/${escape}/authentication-methods HTTP/1.1\r\nHost: 127.0.0.1`), `emulator users ${escape}`);
    }
  });
});
