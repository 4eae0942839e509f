// For the hosted-ticket popup tests:
// - server command `close-popups`: closes every window but the test page, as a user closing them
//   would (the browser does it, not the page: a disowned cross-site popup ignores `close()` from
//   its former opener). Answers how many it closed. Puppeteer (Chromium, Firefox) and WebDriver
//   (WebKitGTK) sessions.
// - `/__opener-probe/page?id=…`: a page that reports whether it has a `window.opener`, and
//   `/__opener-probe/result?id=…`, which answers what it reported (`''` until then). Opened on the
//   test server's other loopback name, it is a cross-site page, as a ticket page is.
// - `/__opener-probe/redirect?to=…`: a 307 to `to`, for the test that no request follows a
//   redirect (pointed at `…/report` on the other name, a followed redirect shows as a report).

const reports = new Map();

export function popupsPlugin() {
  return {
    name: 'mfa-popups',
    async executeCommand({ command, session }) {
      if (command !== 'close-popups') return undefined;
      const { browser } = session;
      let closed = 0;
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        for (const other of await page.browser().pages()) {
          if (other === page) continue;
          let url;
          try {
            url = other.url();
          } catch {
            continue; // still being created, or already gone
          }
          if (url === 'about:blank') continue;
          await other.close().catch(() => {});
          closed++;
        }
        return closed;
      }
      if (browser.type === 'webdriver') {
        const { driver } = browser;
        const current = await driver.getWindowHandle();
        for (const handle of await driver.getWindowHandles()) {
          if (handle === current) continue;
          await driver.switchToWindow(handle);
          await driver.closeWindow();
          closed++;
        }
        await driver.switchToWindow(current);
        return closed;
      }
      throw new Error(`close-popups: unsupported browser type ${browser.type}`);
    },
  };
}

/** Koa middleware for the probe page and its result. */
export async function openerProbe(ctx, next) {
  if (!ctx.path.startsWith('/__opener-probe/')) return next();
  const id = String(ctx.query.id ?? '');
  ctx.set('cache-control', 'no-store');
  if (ctx.path === '/__opener-probe/page') {
    reports.delete(id);
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>probe</title><script>
      fetch('/__opener-probe/report?id=${encodeURIComponent(id)}&opener=' + (window.opener === null ? 'none' : 'present'));
    </script>`;
  } else if (ctx.path === '/__opener-probe/report') {
    reports.set(id, String(ctx.query.opener ?? ''));
    ctx.set('access-control-allow-origin', '*');
    ctx.body = 'ok';
  } else if (ctx.path === '/__opener-probe/redirect') {
    ctx.status = 307;
    ctx.set('location', String(ctx.query.to ?? '/'));
    ctx.set('access-control-allow-origin', '*');
  } else if (ctx.path === '/__opener-probe/result') {
    ctx.set('access-control-allow-origin', '*');
    ctx.body = reports.get(id) ?? '';
  } else {
    return next();
  }
}
