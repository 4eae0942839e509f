import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The one-second clock behind every "wait N seconds" an element shows (a `Retry-After`, a resend
 * delay, a push's expiry). The element keeps its deadlines; this keeps `now`, re-renders the host
 * each second while `tick` says a deadline is still ahead, and stops then, or when the host leaves
 * the page (no timer left behind: an idle element has none). A host put back in the page ticks
 * again if `tick` still has a deadline ahead.
 */
export class CountdownController implements ReactiveController {
  // Its members are `_`-named like the elements' state, so the script files shorten them too.
  /** The time the host renders its countdowns against (ms since the epoch), as of the last tick. */
  _now = Date.now();
  #timer?: ReturnType<typeof setInterval>;
  #host: ReactiveControllerHost;
  #tick: (now: number) => boolean;

  /**
   * `tick(now)` runs every second while ticking (and when the host is connected again): it ends
   * what is due and returns whether a deadline is still ahead.
   */
  constructor(host: ReactiveControllerHost, tick: (now: number) => boolean) {
    (this.#host = host).addController(this);
    this.#tick = tick;
  }

  /** A deadline `seconds` (rounded up) from now; the clock runs until `tick` says it is over. */
  _deadline(seconds: number): number {
    this._start();
    return (this._now = Date.now()) + Math.ceil(seconds) * 1000;
  }

  /** Whole seconds left until `until` (0 when none or past). */
  _left(until: number | undefined): number {
    return until ? Math.max(0, Math.ceil((until - this._now) / 1000)) : 0;
  }

  /** Runs the clock (once: a second call while running changes nothing). */
  _start(): void {
    this.#timer ??= setInterval(() => {
      this.#host.requestUpdate();
      if (!this.#tick((this._now = Date.now()))) this._stop();
    }, 1000);
  }

  _stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    if (this.#tick((this._now = Date.now()))) this._start();
  }

  hostDisconnected(): void {
    this._stop();
  }
}
