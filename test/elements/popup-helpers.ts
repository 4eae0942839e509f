/**
 * The hosted-ticket popup as a test sees it: the windows the element opens (recorded, optionally
 * blocked), and closing one the way its user would once the cross-origin ticket page is in it.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';

export interface Opened {
  url: string;
  target: string;
  features: string;
  win: Window | null;
}

const realOpen = window.open;

/** Records window.open calls into the returned list; `block` makes them return null, as a popup blocker does. */
export function watchOpen(block = false): Opened[] {
  const opened: Opened[] = [];
  window.open = function (url?: string | URL, target?: string, features?: string) {
    const win = block ? null : realOpen.call(window, url, target, features);
    opened.push({ url: String(url ?? ''), target: target ?? '', features: features ?? '', win });
    return win;
  } as typeof window.open;
  return opened;
}

/** Puts `window.open` back and closes every window but the test page. */
export async function restoreOpen(): Promise<void> {
  await executeServerCommand('close-popups');
  window.open = realOpen;
}

/**
 * Closes the popup the way its user would (the browser closes it: the element disowns the window,
 * after which a cross-site page ignores `close()` from this one), once the cross-origin ticket page
 * has committed in it (reading its location throws from then on).
 */
export async function closeWhenLoaded(win: Window): Promise<void> {
  const crossOrigin = () => {
    try {
      void win.location.href;
      return false;
    } catch {
      return true;
    }
  };
  await waitUntil(crossOrigin, 'the ticket page never loaded in the popup', { timeout: 20_000 });
  // The browser's own view of the window can lag behind the page's (Firefox reports about:blank a
  // moment longer, and the command leaves blank windows alone): asked again until one is closed.
  await waitUntil(async () => ((await executeServerCommand('close-popups')) as number) >= 1, 'the popup could not be closed', { timeout: 10_000, interval: 200 });
}
