// WTR server command `decode-qr`: screenshots the test page and decodes the QR code(s) in it with
// Debian's zbarimg (apt `zbar-tools`), so a test can prove that what the page draws scans to the
// exact text it should, the way a phone would read it off the screen.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const text = await executeServerCommand('decode-qr');   // '' when nothing decoded
//
// Puppeteer sessions (Chromium, Firefox through chromeLauncher) take a page screenshot; WebDriver
// sessions (WebKitGTK) take a screenshot of the document element. Whatever should be decoded must
// be in the viewport, and only one QR code should be visible.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZBARIMG = process.env.ZBARIMG_PATH ?? '/usr/bin/zbarimg';

async function screenshot(session) {
  const { browser } = session;
  if (browser.type === 'puppeteer' || browser.type === 'playwright') {
    const page = browser.getPage(session.id);
    return Buffer.from(await page.screenshot({ type: 'png' }));
  }
  if (browser.type === 'webdriver') {
    // WebDriver screenshots do not wait for the next paint: let two frames go by first.
    await browser.driver?.executeAsync?.(
      'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
    );
    // The whole viewport (WebDriver "Take Screenshot"); the launcher's own helper is element-only.
    const driver = browser.driver;
    if (driver?.takeScreenshot) return Buffer.from(await driver.takeScreenshot(), 'base64');
    return browser.takeScreenshot(session.id, 'return document.documentElement;');
  }
  throw new Error(`decode-qr: no screenshot support for browser type ${browser.type}`);
}

/**
 * `zbarimg -q --raw FILE`: one line per symbol found; exit 4 when none was found, which gives ''
 * (WTR treats a null result as "no plugin handled this command").
 */
function zbar(file) {
  return new Promise((resolve, reject) => {
    execFile(ZBARIMG, ['-q', '--raw', file], { encoding: 'utf8' }, (error, stdout) => {
      if (error && error.code === 4) resolve('');
      else if (error) reject(new Error(`decode-qr: zbarimg failed: ${error.message}`));
      else resolve(stdout.replace(/\n$/, ''));
    });
  });
}

export function qrDecodePlugin() {
  return {
    name: 'decode-qr-command',
    async executeCommand({ command, session }) {
      if (command !== 'decode-qr') return undefined;
      if (!existsSync(ZBARIMG)) {
        throw new Error(
          `decode-qr: ${ZBARIMG} is missing. Install it with: sudo apt-get install -y --no-install-recommends zbar-tools`,
        );
      }
      const dir = await mkdtemp(join(tmpdir(), 'mfa-qr-'));
      try {
        // A screenshot taken mid-paint can miss the code; a few tries rule that out, not a bad code.
        let text = '';
        for (let attempt = 1; attempt <= 3 && text === ''; attempt++) {
          if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 150));
          const png = await screenshot(session);
          if (!png || png.length === 0) throw new Error('decode-qr: the screenshot is empty');
          const file = join(dir, `page-${attempt}.png`);
          await writeFile(file, png);
          // QR_DECODE_KEEP=/some/dir keeps every screenshot, to see what the scanner saw.
          if (process.env.QR_DECODE_KEEP) await writeFile(join(process.env.QR_DECODE_KEEP, `qr-${Date.now()}.png`), png);
          text = await zbar(file);
        }
        return text;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
