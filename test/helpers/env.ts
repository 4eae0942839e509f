/** URLs of the servers the test runner started for this run (see scripts/wtr/servers.js). */
export interface TestEnv {
  /** The emulator, on its own origin: direct-mode calls are cross-origin, as with real Auth0. */
  emulatorUrl: string;
  [key: string]: string;
}

declare global {
  interface Window {
    __MFA_TEST_ENV__: TestEnv;
  }
}

export const env: TestEnv = window.__MFA_TEST_ENV__;
