import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { prebundleCjs } from './prebundle-cjs.js';
import { serversPlugin, testRunnerHtml } from './servers.js';
import { countReporter } from './count-reporter.js';
import { extraMiddleware } from './extra-servers.js';
import { qrDecodePlugin } from './qr-decode.js';
import { refuseOnCookie } from './refuse-on-cookie.js';
import { cspPage } from './csp-page.js';
import { openerProbe, popupsPlugin } from './popups.js';
import { webauthnPlugin } from './webauthn.js';
import { wtrMinifyLiterals } from '../minify-literals.mjs';

export function baseConfig(name) {
  return {
    files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
    nodeResolve: { exportConditions: ['browser', 'development'] },
    concurrency: 1,
    testsFinishTimeout: 10 * 60 * 1000,
    browserStartTimeout: 60 * 1000,
    testFramework: { config: { timeout: 20000 } },
    testRunnerHtml,
    middleware: [refuseOnCookie, cspPage, openerProbe, extraMiddleware],
    reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(name)],
    plugins: [
      serversPlugin(),
      popupsPlugin(),
      webauthnPlugin(),
      qrDecodePlugin(),
      prebundleCjs(['qrcode']),
      // The templates as they ship (minified), so the tests cover what users get.
      wtrMinifyLiterals,
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    ],
  };
}
