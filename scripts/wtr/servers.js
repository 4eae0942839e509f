// Starts the emulator (and whatever else the browser tests talk to) in the test runner's own
// Node process, on free ports, and hands their URLs to the test pages.
import { register } from 'tsx/esm/api';

register();

/** What the test pages receive as `window.__MFA_TEST_ENV__`. */
export const testEnv = {};

export function serversPlugin() {
  const closers = [];
  return {
    name: 'mfa-test-servers',
    async serverStart({ app }) {
      const { createEmulator } = await import('../../src/emulator/index.ts');
      const emulator = createEmulator({ log: () => {} });
      const listening = await emulator.listen({ port: 0, host: '127.0.0.1' });
      testEnv.emulatorUrl = listening.url;
      closers.push(() => listening.close());
      const extra = await import('./extra-servers.js').catch(() => null);
      if (extra) Object.assign(testEnv, await extra.start({ app, emulatorUrl: listening.url, closers }));
    },
    async serverStop() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

export function testRunnerHtml(testFramework) {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>mfa-elements tests</title></head>
  <body>
    <script>window.__MFA_TEST_ENV__ = ${JSON.stringify(testEnv)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}
