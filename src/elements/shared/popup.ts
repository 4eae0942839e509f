import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The hosted page's window: the size Auth0's Guardian pages are laid out for. */
export const POPUP_WIDTH = 450;
export const POPUP_HEIGHT = 720;
/** How often the closed popup is looked for: never faster than 250 ms (the seed polled at 0 ms). */
export const POPUP_POLL_MS = 500;

/**
 * The window of a hosted page (an enrollment ticket, whatever its factor): opened blank during
 * the click (so that popup blockers let it through), sent to the page once the server has
 * answered, and watched until the user closes it. One window at a time; the host leaving the
 * page stops the watch and closes the window.
 */
export class PopupController implements ReactiveController {
  #timer?: ReturnType<typeof setInterval>;
  #window?: Window;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * A centered 450×720 blank window, or null when the browser blocked it. `name` must be new for
   * each flow: a shared name would hand back a window that is still closing from an earlier one.
   */
  open(name: string): Window | null {
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - POPUP_WIDTH) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - POPUP_HEIGHT) / 2));
    const features = `popup=yes,width=${POPUP_WIDTH},height=${POPUP_HEIGHT},left=${left},top=${top},scrollbars=yes,resizable=yes`;
    try {
      return window.open('about:blank', name, features);
    } catch {
      return null;
    }
  }

  /**
   * Sends `popup` to `url` (checked by the caller: https:, or http: on loopback) and calls
   * `onClosed` once the user has closed it, looking every 500 ms. The window before is let go.
   *
   * What `noopener` does, keeping the handle: the blank, same-origin popup is disowned (so the
   * page finds `window.opener === null` and cannot navigate this one), then sent to `url`.
   * `window.open(…, 'noopener')` would return no handle, and so no way to see the window close; a
   * disowned window still reports `closed` when the user closes it, in Chromium, Firefox and
   * WebKit. The trade-off: this page can no longer close it (`close()` is ignored once it is cross-site).
   */
  watch(popup: Window, url: string, onClosed: () => void): void {
    this.stop();
    popup.opener = null;
    popup.location.replace(url);
    this.#window = popup;
    this.#timer = setInterval(() => {
      if (!popup.closed) return;
      this.#release();
      onClosed();
    }, POPUP_POLL_MS);
  }

  /** Stops watching and closes the window (a cross-origin one may refuse: it is the user's then). */
  stop(): void {
    const popup = this.#window;
    this.#release();
    closeQuietly(popup);
  }

  #release(): void {
    clearInterval(this.#timer);
    this.#timer = this.#window = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}

export function closeQuietly(popup: Window | null | undefined): void {
  try {
    if (popup && !popup.closed) popup.close();
  } catch {
    // Nothing to do.
  }
}
