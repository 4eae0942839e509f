/**
 * The emulator's sense of time. Tests pass their own `now` or move it forward through the control
 * route so that expiry and rate-limit refills never need real waiting.
 */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(source: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => source() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}
