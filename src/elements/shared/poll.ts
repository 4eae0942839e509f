import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pollOob, type PollOptions } from '../../core/poller.js';
import type { MfaSource, VerifyResult } from '../../core/types.js';

/**
 * The push poll of an element, tied to its lifetime: one poll at a time (a new one stops the one
 * before), stopped when the host leaves the page, so that no request or timer outlives the
 * element. The protocol (intervals, `slow_down`, expiry) is `pollOob`'s in src/core/poller.ts;
 * this module brings it along, so a page that may never poll fetches both on demand.
 */
export class PollController implements ReactiveController {
  #run?: AbortController;

  #poll: typeof pollOob;

  constructor(host: ReactiveControllerHost, poll: typeof pollOob = pollOob) {
    host.addController(this);
    this.#poll = poll;
  }

  /** Polls until approved, refused or expired; `options.signal` (the flow's) stops it too. */
  run(source: MfaSource, options: PollOptions): Promise<VerifyResult> {
    this.stop();
    const run = (this.#run = new AbortController());
    const outer = options.signal;
    if (outer?.aborted) run.abort(outer.reason);
    else outer?.addEventListener('abort', () => run.abort(outer.reason), { once: true, signal: run.signal });
    return this.#poll(source, { ...options, signal: run.signal }).finally(() => {
      if (this.#run === run) this.stop();
    });
  }

  /** Stops the running poll (it rejects with `aborted`). */
  stop(): void {
    this.#run?.abort();
    this.#run = undefined;
  }

  /** Whether a poll is running. */
  get running(): boolean {
    return !!this.#run;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
