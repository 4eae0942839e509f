/**
 * A hand-moved `Date.now()` for browser tests of countdowns the element computes from the page's clock
 * (a Retry-After wait). Timers stay real: the element's 1 s ticker still runs and reads this clock, so a
 * test advances the clock and then waits for the rendered value, never for real seconds to pass.
 */
export function freezePageClock(start = Date.now()): { advance(ms: number): void; restore(): void } {
  const real = Date.now;
  let now = start;
  Date.now = () => now;
  return {
    advance: (ms) => {
      now += ms;
    },
    restore: () => {
      Date.now = real;
    },
  };
}
