// The servers npm run bench measures for throughput (scripts/bench/throughput.mjs). Two roles, each
// its own process, as in production where the proxy and Auth0 do not share an event loop:
//   `emulator`: the emulator, seeded with one user and one authenticator; prints one JSON line
//     { emulator: url, auth, listPath }.
//   `front` (env BENCH_EMULATOR = that line): the trivial floor, a bare forwarder and the proxies,
//     whose upstream is the emulator's process; prints one JSON line { name: url }.
// The load generator runs in the parent, so it shares neither.
import { Agent, createServer, request } from 'node:http';
import express from 'express';
import { createEmulator } from '../../src/emulator/index.js';
import { createMfaProxy, listenNode, toNodeHandler } from '../../src/server/index.js';

const listPath = '/mfa/authenticators';

if (process.argv[2] === 'emulator') {
  const emulator = await createEmulator({ log: () => {} }).listen({ port: 0 });
  const post = async (path: string, body: object) =>
    (await fetch(emulator.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const user = await post('/__emulator/users', {});
  const tokens = await post(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {});
  await post(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'sms', phoneNumber: '+15555550123' });
  console.log(JSON.stringify({ emulator: emulator.url, auth: `Bearer ${tokens.access_token}`, userId: user.id, listPath }));
} else {
  const { emulator, auth, userId } = JSON.parse(process.env.BENCH_EMULATOR ?? '') as { emulator: string; auth: string; userId: string };
  const session = { userId, accessToken: auth.slice('Bearer '.length) };
  const answer = await (await fetch(emulator + listPath, { headers: { authorization: auth } })).text();

  // The floor: Node answering the same bytes with nothing in between.
  const trivial = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
  await new Promise<void>((resolve) => trivial.listen(0, '127.0.0.1', resolve));
  const trivialUrl = `http://127.0.0.1:${(trivial.address() as { port: number }).port}`;

  // The floor for any proxy: Node forwarding the same request to the emulator's process on a
  // keep-alive connection, with no checks and no parsing. What the machine allows a second hop.
  const agent = new Agent({ keepAlive: true });
  const forwarder = createServer((_req, res) => {
    request(emulator + listPath, { headers: { authorization: auth, accept: 'application/json' }, agent }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (chunk: Buffer) => chunks.push(chunk));
      up.on('end', () => {
        const body = Buffer.concat(chunks);
        res.writeHead(up.statusCode ?? 502, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
        res.end(body);
      });
    }).end();
  });
  await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve));
  const forwarderUrl = `http://127.0.0.1:${(forwarder.address() as { port: number }).port}`;

  const proxyOptions = { domain: emulator, clientId: 'bench', basePath: '/api/auth/mfa', getSession: () => session, rateLimit: false as const, onError: () => {} };
  const proxy = await listenNode(createMfaProxy(proxyOptions));
  // Mounted as examples/server/express.js does (same options as above: no rate limit to hit).
  const app = express();
  app.all('/api/auth/mfa{/*path}', toNodeHandler(createMfaProxy(proxyOptions)));
  const inExpress = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => inExpress.once('listening', resolve));
  const expressUrl = `http://127.0.0.1:${(inExpress.address() as { port: number }).port}`;

  console.log(JSON.stringify({
    'trivial Node server (same JSON)': `${trivialUrl}/`,
    emulator: `${emulator}${listPath}`,
    'bare forwarder (node:http, keep-alive; upstream: the emulator)': `${forwarderUrl}/`,
    'proxy on listenNode (upstream: the emulator)': `${proxy.url}/api/auth/mfa/authenticators`,
    'proxy in Express 5 (upstream: the emulator)': `${expressUrl}/api/auth/mfa/authenticators`,
  }));
}
