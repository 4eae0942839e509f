// Debian's browsers, found where apt puts them. A missing one stops the run with the exact
// command that installs it, instead of a launcher stack trace.
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { path: process.env.CHROME_PATH ?? '/usr/bin/chromium', apt: 'chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', apt: 'firefox-esr' },
  webkit: { path: '/usr/bin/WebKitWebDriver', apt: 'webkit2gtk-driver xvfb xauth' },
};

export function requireBrowser(name) {
  const browser = BROWSERS[name];
  if (!existsSync(browser.path)) {
    console.error(
      `\n${name} is not installed (looked for ${browser.path}).\n` +
        `Install it with:\n\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${browser.apt}\n`,
    );
    process.exit(1);
  }
  return browser.path;
}

export const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
