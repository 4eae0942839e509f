import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEmulator } from '../../src/emulator/index.js';

/** A self-signed certificate for localhost, made with openssl as docs/emulator.md tells a developer to. */
function certificate(): { dir: string; key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { dir, key, cert };
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const limit = setTimeout(() => child.kill(), 20_000);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, out, err });
    });
  });
}

test('over HTTPS with a self-signed certificate, unmodified auth-js (trusting it by NODE_EXTRA_CA_CERTS) discovers the tenant and meets mfa_required', async (t) => {
  const { dir, key, cert } = certificate();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const server = await createEmulator().listen({ tls: { key: readFileSync(key), cert: readFileSync(cert) } });
  t.after(() => server.close());
  const port = new URL(server.url).port;
  assert.match(server.url, /^https:\/\//);
  const script = new URL('./fixtures/tls-client.mjs', import.meta.url).pathname;

  const trusted = await run(script, [`localhost:${port}`], { NODE_EXTRA_CA_CERTS: cert });
  assert.equal(trusted.code, 0, trusted.err);
  assert.deepEqual(JSON.parse(trusted.out), { issuer: `https://localhost:${port}/`, error: 'mfa_required' });

  // Without the certificate trusted, the same client refuses the tenant: the TLS is real.
  const untrusted = await run(script, [`localhost:${port}`], {});
  assert.notEqual(untrusted.code, 0);
});
