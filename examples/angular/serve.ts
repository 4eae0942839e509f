// `npm run example:angular`: the Angular example with everything behind it, in one command. Starts
// the local Auth0 emulator and the demo's app server (cookie session + createMfaProxy, signing the
// visitor in as EXAMPLE_USER, default enrolled@example.com) on a free port, then `ng serve` with a
// proxy config sending /api there. Ctrl+C stops all of it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoBackend } from '../../demo/server/demo-backend.js';
import { createEmulator } from '../../src/emulator/index.js';
import { toNodeHandler } from '../../src/server/index.js';
import { signingInHandler } from '../shared/dev-backend.js';

const username = process.env.EXAMPLE_USER ?? 'enrolled@example.com';
const emulator = await createEmulator({ log: (line) => console.log(`[emulator] ${line}`) }).listen({ port: 0, host: '127.0.0.1' });
const backend = createDemoBackend({ emulatorUrl: emulator.url, log: (line) => console.warn(line) });
const server = createServer(toNodeHandler(signingInHandler(backend, username)));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
console.log(`  emulator: ${emulator.url}  app server: http://127.0.0.1:${port}  (signed in as ${username})`);

const config = join(mkdtempSync(join(tmpdir(), 'mfa-angular-')), 'proxy.conf.json');
// The app server sees the page's own origin (changeOrigin off), so the proxy's Origin check passes.
writeFileSync(config, JSON.stringify({ '/api': { target: `http://127.0.0.1:${port}`, secure: false } }));
const ng = spawn('npx', ['ng', 'serve', '--proxy-config', config, ...process.argv.slice(2)], {
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  stdio: 'inherit',
});
const stop = () => {
  ng.kill('SIGTERM');
  server.close();
  void emulator.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
ng.once('exit', (code) => {
  server.close();
  void emulator.close();
  process.exitCode = code ?? 0;
});
