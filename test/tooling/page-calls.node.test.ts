import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { dropCalls, SOURCE_MODULES } from '../../scripts/page-calls.mjs';
import { dropsOf } from '../../scripts/cdn-pages.mjs';

test('dropCalls: a required method becomes an unsupported rejection, an optional one and the private helpers only it used go', () => {
  const out = dropCalls(`import { MfaError } from './errors.js';
class S {
  #n = 1;
  list() { return this.#send(); }
  enroll(req: unknown) { return this.#ticket(req); }
  regenerateRecoveryCode() { return this.#send(); }
  async #ticket(req: unknown) { return this.#send(req); }
  #send(x?: unknown) { return this.#n; }
}
const other = { enroll() {} };`, ['enroll', 'regenerateRecoveryCode']);
  assert.match(out, /enroll\(\): Promise<never> \{ return Promise\.reject\(new MfaError\('unsupported'\)\); \}/);
  assert.doesNotMatch(out, /regenerateRecoveryCode/);
  assert.doesNotMatch(out, /#ticket/, 'a private method used only by a dropped one goes with it');
  assert.match(out, /#send\(x\?: unknown\)/, 'a private method still used stays');
  assert.match(out, /#n = 1/);
  assert.match(out, /const other = \{ enroll\(\) \{\} \};/, 'only class members are touched');
});

test('dropCalls: an optional method the class still calls itself becomes an unsupported rejection', () => {
  const out = dropCalls(`class S {
  list() { return this.listFactors(); }
  listFactors() { return this.#send(); }
  #send() { return Promise.resolve(1); }
}`, ['listFactors']);
  assert.match(out, /listFactors\(\): Promise<never> \{ return Promise\.reject\(new MfaError\('unsupported'\)\); \}/);
  assert.doesNotMatch(out, /listFactors\(\) \{ return this\.#send\(\); \}/);
});

test('dropCalls: a callback that only calls a dropped method (and maps its result) rejects in its place, and the method goes', () => {
  const out = dropCalls(`class S {
  list(o: unknown) { return this.#either(() => this.#send(), () => this.listFactors(o).then(fromFactors)); }
  listFactors(o: unknown) { return this.#send(o); }
  #either(a: () => unknown, b: () => unknown) { return a() ?? b(); }
  #send(o?: unknown) { return Promise.resolve(o); }
}`, ['listFactors']);
  assert.match(out, /list\(o: unknown\) \{ return this\.#either\(\(\) => this\.#send\(\), \(\) => Promise\.reject\(new MfaError\('unsupported'\)\)\); \}/);
  assert.doesNotMatch(out, /listFactors|fromFactors/);
  // A callback that handles the rejection, or passes more than plain names, is left calling the stub.
  for (const callback of ['() => this.listFactors(o).catch(f)', '() => this.listFactors(o).then(f, g)', '() => this.listFactors(next())']) {
    const kept = dropCalls(`class S {
  list(o: unknown) { return this.#send().catch(${callback}); }
  listFactors(o: unknown) { return this.#send(o); }
  #send(o?: unknown) { return Promise.resolve(o); }
}`, ['listFactors']);
    assert.ok(kept.includes(callback), `${callback} kept`);
    assert.match(kept, /listFactors\(\): Promise<never> \{ return Promise\.reject\(new MfaError\('unsupported'\)\); \}/);
  }
});

test('the verify and otp-enroll pages drop what their elements never call; the other pages drop nothing', () => {
  assert.deepEqual(dropsOf('mfa-verify.proxy'), ['enroll', 'remove', 'listFactors', 'regenerateRecoveryCode', 'rename', 'setPreferredChannel']);
  assert.deepEqual(dropsOf('mfa-otp-enroll.direct'), ['remove', 'challenge', 'regenerateRecoveryCode', 'rename', 'setPreferredChannel']);
  assert.deepEqual(dropsOf('mfa-enrollment.proxy'), []);
  assert.deepEqual(dropsOf('mfa-elements'), []);
});

test("ProxySource as the verify page builds it: enroll and remove reject with unsupported before any request, challenge still sends", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-calls-'));
  try {
    const drop = dropsOf('mfa-verify.proxy');
    await build({
      entryPoints: ['src/core/proxy-source.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'proxy.mjs'), logLevel: 'silent',
      plugins: [{
        name: 'drop',
        setup(b) {
          b.onLoad({ filter: SOURCE_MODULES }, ({ path }) => ({ contents: dropCalls(readFileSync(path, 'utf8'), drop, path), loader: 'ts' }));
        },
      }],
    });
    const { ProxySource } = await import(pathToFileURL(join(dir, 'proxy.mjs')).href);
    const sent: string[] = [];
    const fetch = async (url: string, init: { method: string }) => {
      sent.push(`${init.method} ${url}`);
      return new Response(JSON.stringify({ challenge_type: 'otp' }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const source = new ProxySource({ baseUrl: '/api/auth/mfa', fetch });
    await assert.rejects(source.enroll({ factor: 'otp' }), (e: { code: string }) => e.code === 'unsupported');
    await assert.rejects(source.remove('totp|dev_1'), (e: { code: string }) => e.code === 'unsupported');
    assert.equal(source.regenerateRecoveryCode, undefined);
    assert.deepEqual(sent, []);
    assert.deepEqual(await source.challenge({ authenticatorId: 'totp|dev_1' }), { challengeType: 'otp' });
    assert.deepEqual(sent, ['POST /api/auth/mfa/challenge']);
    // The Auth0 Lab routers (no list route, so their factor list instead) cannot challenge or
    // verify: on the verify page, listing there is unsupported rather than a picker that fails later.
    const asked: string[] = [];
    const lab = new ProxySource({ baseUrl: '/lab', fetch: async (url: string, init: { method: string }) => {
      asked.push(`${init.method} ${url}`);
      return new Response('<html>Not found</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    } });
    await assert.rejects(lab.listAuthenticators(), (e: { code: string }) => e.code === 'unsupported');
    assert.equal(lab.listFactors, undefined, 'the factor list is not part of the verify page');
    assert.deepEqual(asked, ['GET /lab/authenticators'], 'the Lab factor list (GET /lab) was requested');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
