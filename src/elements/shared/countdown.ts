import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The one-second clock behind every "wait N seconds" an element shows (a `Retry-After`, a resend
 * delay, a push's expiry). The element keeps its deadlines; this keeps `now`, re-renders the host
 * each second while `tick` says a deadline is still ahead, and stops then, or when the host leaves
 * the page (no timer left behind: an idle element has none). A host put back in the page ticks
 * again if `tick` still has a deadline ahead.
 */
export class CountdownController implements ReactiveController {
  /** The time the host renders its countdowns against (ms since the epoch), as of the last tick. */
  now = Date.now();
  #timer?: ReturnType<typeof setInterval>;

  /**
   * `tick(now)` runs every second while ticking (and when the host is connected again): it ends
   * what is due and returns whether a deadline is still ahead.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly tick: (now: number) => boolean,
  ) {
    host.addController(this);
  }

  /** A deadline `seconds` (rounded up) from now; the clock runs until `tick` says it is over. */
  deadline(seconds: number): number {
    this.now = Date.now();
    this.start();
    return this.now + Math.ceil(seconds) * 1000;
  }

  /** Whole seconds left until `until` (0 when none or past). */
  left(until: number | undefined): number {
    return until ? Math.max(0, Math.ceil((until - this.now) / 1000)) : 0;
  }

  /** Runs the clock (once: a second call while running changes nothing). */
  start(): void {
    this.#timer ??= setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
      if (!this.tick(this.now)) this.stop();
    }, 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    this.now = Date.now();
    if (this.tick(this.now)) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
