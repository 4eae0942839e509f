// The servers npm run bench measures for throughput (scripts/bench/throughput.mjs), in their own
// process so the load generator does not share their event loop. Prints one JSON line:
// { name: url } for each, every one answering the same list of authenticators.
import { createServer } from 'node:http';
import express from 'express';
import { createEmulator } from '../../src/emulator/index.js';
import { createMfaProxy, listenNode, toNodeHandler } from '../../src/server/index.js';

const emulator = await createEmulator({ log: () => {} }).listen({ port: 0 });
const post = async (path: string, body: object) =>
  (await fetch(emulator.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
const user = await post('/__emulator/users', {});
const tokens = await post(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {});
await post(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'sms', phoneNumber: '+15555550123' });
const session = { userId: user.id, accessToken: tokens.access_token };
const listPath = '/mfa/authenticators';
const answer = await (await fetch(emulator.url + listPath, { headers: { authorization: `Bearer ${tokens.access_token}` } })).text();

// The floor: Node answering the same bytes with nothing in between.
const trivial = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
  res.end(answer);
});
await new Promise<void>((resolve) => trivial.listen(0, '127.0.0.1', resolve));
const trivialUrl = `http://127.0.0.1:${(trivial.address() as { port: number }).port}`;

const proxyOptions = { domain: emulator.url, clientId: 'bench', basePath: '/api/auth/mfa', getSession: () => session, rateLimit: false as const, onError: () => {} };
const proxy = await listenNode(createMfaProxy(proxyOptions));
// Mounted as examples/server/express.js does (same options as above: no rate limit to hit).
const app = express();
app.all('/api/auth/mfa{/*path}', toNodeHandler(createMfaProxy(proxyOptions)));
const inExpress = app.listen(0, '127.0.0.1');
await new Promise((resolve) => inExpress.once('listening', resolve));
const expressUrl = `http://127.0.0.1:${(inExpress.address() as { port: number }).port}`;

console.log(JSON.stringify({
  auth: `Bearer ${tokens.access_token}`,
  targets: {
    'trivial Node server (same JSON)': `${trivialUrl}/`,
    emulator: `${emulator.url}${listPath}`,
    'proxy on listenNode (upstream: the emulator)': `${proxy.url}/api/auth/mfa/authenticators`,
    'proxy in Express 5 (upstream: the emulator)': `${expressUrl}/api/auth/mfa/authenticators`,
  },
}));
