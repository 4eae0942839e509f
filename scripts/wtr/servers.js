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
      const { ALL_FACTORS, HOSTED_FACTORS } = await import('../../src/emulator/config.ts');
      // The https issuer lets the real nextjs-auth0 (test/server/fixtures/nextjs-auth0-mount.ts) accept it.
      // Every factor on, the hosted-ticket ones too (seed 000's rows): switched on here rather than by a
      // test, since browsers running side by side share this emulator.
      const emulator = createEmulator({ log: () => {}, issuer: 'https://tenant.emulator.test/', factors: [...ALL_FACTORS, ...HOSTED_FACTORS] });
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

/**
 * A failing assertion whose actual or expected value is a DOM node (\`expect(node).to.equal(null)\`)
 * hangs the test runner while it serializes the node for its report, until the run times out
 * with no name for the failure. Errors keep a short description of the node instead.
 */
const keepFailuresReportable = `for (const key of ['actual', 'expected']) {
  Object.defineProperty(Error.prototype, key, {
    configurable: true,
    set(value) {
      const shown = value instanceof Node ? '<' + value.nodeName.toLowerCase() + '>' : value;
      Object.defineProperty(this, key, { value: shown, writable: true, enumerable: true, configurable: true });
    },
  });
}`;

export function testRunnerHtml(testFramework) {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>mfa-elements tests</title></head>
  <body>
    <script>window.__MFA_TEST_ENV__ = ${JSON.stringify(testEnv)};</script>
    <script>${keepFailuresReportable}</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}
