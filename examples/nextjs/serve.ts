// `npm run example:nextjs`: the Next.js example with the local Auth0 emulator behind it, in one
// command. The emulator plays the tenant `https://tenant.emulator.test/` on a free port (see
// lib/tenant.ts); then `next dev` on http://localhost:3000 (PORT to change it). `… serve.ts start`
// runs `next start` on a finished `next build --webpack` instead (the CI smoke test does). Ctrl+C
// stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../../src/emulator/index.js';

const port = process.env.PORT ?? '3000';
const emulator = await createEmulator({
  issuer: 'https://tenant.emulator.test/',
  log: (line) => console.log(`[emulator] ${line}`),
}).listen({ port: 0, host: '127.0.0.1' });
console.log(`  emulator: ${emulator.url}  app: http://localhost:${port}  (users: demo@example.com, enrolled@example.com; password: demo)`);

const mode = process.argv[2] === 'start' ? ['start'] : ['dev', '--webpack'];
const next = spawn('npx', ['next', ...mode, '-p', port], {
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  stdio: 'inherit',
  env: { ...process.env, EMULATOR_URL: emulator.url, APP_BASE_URL: `http://localhost:${port}` },
});
const stop = () => {
  next.kill('SIGTERM');
  void emulator.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
next.once('exit', (code) => {
  void emulator.close();
  process.exitCode = code ?? 0;
});
