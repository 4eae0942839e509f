import { defineConfig, type Plugin } from 'vite';
import { createEmulator } from '../src/emulator/index.js';

/**
 * Starts the emulator beside the demo, on its own origin (so direct mode is cross-origin, as with
 * real Auth0), and tells the page where it is through /demo-config.json (no inline script, so the
 * demo runs under a strict CSP).
 */
function emulator(): Plugin {
  let url = '';
  return {
    name: 'mfa-demo-emulator',
    async configureServer(server) {
      const emu = createEmulator({ log: (line: string) => server.config.logger.info(`[emulator] ${line}`) });
      const preferred = Number(process.env.EMULATOR_PORT ?? 4000);
      const listening = await emu.listen({ port: preferred, host: '127.0.0.1' }).catch(() => emu.listen({ port: 0, host: '127.0.0.1' }));
      url = listening.url;
      server.httpServer?.once('close', () => void listening.close());
      server.config.logger.info(`  emulator: ${url}  (demo users: demo@example.com / demo, enrolled@example.com / demo)`);
      server.middlewares.use('/demo-config.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ emulatorUrl: url, clientId: 'demo-spa' }));
      });
    },
  };
}

export default defineConfig({
  root: 'demo',
  plugins: [emulator()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
});
