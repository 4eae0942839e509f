import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { chromiumFlags, requireBrowser } from './browsers.js';

export function chromium() {
  const executablePath = requireBrowser('chromium');
  return chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumFlags } });
}

export function firefox() {
  const executablePath = requireBrowser('firefox');
  return chromeLauncher({
    puppeteer: puppeteerCore.default ?? puppeteerCore,
    launchOptions: { browser: 'firefox', executablePath, headless: true },
    createPage: async ({ context }) => viewportOnly(await context.newPage()),
  });
}

/**
 * puppeteer's WebDriver BiDi `setViewport` also sends `emulation.setScreenOrientationOverride`,
 * which Firefox ESR 140 does not know ("unknown command"), and fails the page with it. Tests never
 * emulate orientation, so the viewport is set with `browsingContext.setViewport` alone, a command
 * every Firefox with BiDi has: the same on ESR 140, ESR 153 and later.
 */
export function viewportOnly(page) {
  page.setViewport = async (viewport) => {
    const size = viewport?.width && viewport?.height ? { width: viewport.width, height: viewport.height } : null;
    await page.mainFrame().browsingContext.setViewport({
      viewport: size,
      devicePixelRatio: viewport?.deviceScaleFactor ?? null,
    });
  };
  return page;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function startXvfb() {
  if (process.env.DISPLAY) return null;
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  process.env.DISPLAY = await new Promise((resolve, reject) => {
    xvfb.stdout.once('data', (d) => resolve(':' + String(d).trim()));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error('Xvfb exited ' + code)));
  });
  return xvfb;
}

// WebKitGTK has no headless mode: it needs an X display (Xvfb) and its WebDriver on a free port.
export async function webkit() {
  const driverPath = requireBrowser('webkit');
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(driverPath, [`--port=${port}`], { stdio: 'ignore', env: process.env });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const cleanup = () => { driver.kill(); xvfb?.kill(); };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });
  return webdriverLauncher({
    automationProtocol: 'webdriver', hostname: '127.0.0.1', port, path: '/', logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // webdriverio 9 asks for BiDi by default, which WebKitWebDriver refuses.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  });
}
