/**
 * The proxy against an upstream that misbehaves in ways that would move a token or a user somewhere
 * else: a redirect to another origin, a ticket URL off the tenant's host or with userinfo.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { BASE, harness, readJson, send } from './fixtures/harness.js';

/** A loopback server recording every request, answering `answer`. */
async function recorder(t: TestContext, answer: (url: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Array<{ url: string; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      seen.push({ url: req.url!, body });
      const { status, headers, body: out } = answer(req.url!);
      res.writeHead(status, headers);
      res.end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('proxy: hostile upstream answers', () => {
  it('a redirect from the MFA API is not followed: a 502, and nothing reaches the other origin', async (t) => {
    const h = await harness(t);
    const elsewhere = await recorder(t, () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }));
    const redirector = await recorder(t, (url) => ({ status: 307, headers: { location: `${elsewhere.url}${url}` } }));
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    const proxy = h.proxy({
      fetch: (input, init) => globalThis.fetch(input.startsWith(h.emulatorUrl) ? input.replace(h.emulatorUrl, redirector.url) : input, init),
    });
    const res = await send(proxy, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id, challenge_type: 'oob' } });
    assert.equal(res.status, 502);
    assert.equal((await readJson(res)).error, 'server_error');
    assert.ok(redirector.seen.length > 0, 'the redirect was met');
    assert.deepEqual(elsewhere.seen, [], 'neither the mfa_token nor the client secret followed it');
  });

  for (const [name, ticketUrl] of [
    ['another host', 'https://evil.example/guardian/enroll?ticket=1'],
    ['userinfo', 'TENANT/guardian/enroll?ticket=1'],
    ['javascript:', 'javascript:alert(1)'],
  ] as const) {
    it(`a ticket URL with ${name} is a 502, never handed to the browser`, async (t) => {
      const h = await harness(t);
      const tenant = new URL(h.emulatorUrl);
      const url = ticketUrl.replace('TENANT', `http://${tenant.host}:pw@${tenant.host}`);
      const proxy = h.proxy({
        fetch: async (input, init) => {
          if (!input.endsWith('/api/v2/guardian/enrollments/ticket')) return globalThis.fetch(input, init);
          return new Response(JSON.stringify({ ticket_id: 't', ticket_url: url }), { status: 200, headers: { 'content-type': 'application/json' } });
        },
      });
      const user = await h.user();
      const res = await send(proxy, 'POST', BASE, { user, json: { factor: 'email' } });
      assert.equal(res.status, 502);
      assert.doesNotMatch(await res.text(), /evil|pw@|javascript/);
    });
  }

  it('a ticket on a configured host (a custom domain) passes; the tenant host by default', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const ok = await send(h.proxy(), 'POST', BASE, { user, json: { factor: 'email' } });
    assert.equal(ok.status, 200);
    const refused = await send(h.proxy({ ticketHosts: ['login.example.com'] }), 'POST', BASE, { user, json: { factor: 'email' } });
    assert.equal(refused.status, 502, 'the emulator host is not in the configured list');
  });
});
