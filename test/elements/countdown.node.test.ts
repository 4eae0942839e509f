import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CountdownController } from '../../src/elements/shared/countdown.js';

/**
 * A hand-driven clock in place of Date.now/setInterval/clearInterval (Node 20's mock timers keep
 * firing an interval cleared inside its own callback).
 */
function fakeClock(t: { after(fn: () => void): void }, start: number) {
  let now = start;
  let next = 1;
  const timers = new Map<number, { fn: () => void; every: number; at: number }>();
  const real = { now: Date.now, setInterval: globalThis.setInterval, clearInterval: globalThis.clearInterval };
  Date.now = () => now;
  globalThis.setInterval = ((fn: () => void, every: number) => (timers.set(next, { fn, every, at: now + every }), next++)) as never;
  globalThis.clearInterval = ((id: number) => void timers.delete(id)) as never;
  t.after(() => Object.assign(Date, { now: real.now }) && Object.assign(globalThis, { setInterval: real.setInterval, clearInterval: real.clearInterval }));
  return {
    timers,
    tick(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        now = due[1].at;
        due[1].at += due[1].every;
        due[1].fn();
      }
      now = end;
    },
  };
}

/** A host that counts its renders, with the controller's connect/disconnect driven by hand. */
function host() {
  const controllers: ReactiveController[] = [];
  const h = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void (h.updates += 1),
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return h as typeof h & ReactiveControllerHost;
}

test('a countdown ticks each second until its deadline, then stops its timer', (t) => {
  const clock = fakeClock(t, 1_000_000);
  const h = host();
  let until = 0;
  const countdown = new CountdownController(h, (now) => until > now);
  until = countdown._deadline(2.2); // rounded up: 3 s
  assert.equal(until, 1_003_000);
  assert.equal(countdown._left(until), 3);
  clock.tick(1000);
  assert.equal(countdown._left(until), 2);
  assert.equal(h.updates, 1);
  clock.tick(2000);
  assert.equal(countdown._left(until), 0);
  assert.equal(h.updates, 3);
  clock.tick(5000);
  assert.equal(h.updates, 3, 'no tick after the deadline');
  assert.equal(clock.timers.size, 0, 'no timer left');
  assert.equal(countdown._left(undefined), 0);
});

test('a countdown stops when its host leaves the page and goes on when it comes back', (t) => {
  const clock = fakeClock(t, 0);
  const h = host();
  let until = 0;
  const seen: number[] = [];
  const countdown = new CountdownController(h, (now) => (seen.push(now), until > now));
  until = countdown._deadline(10);
  h.disconnect();
  clock.tick(3000);
  assert.equal(h.updates, 0, 'no timer while disconnected');
  assert.equal(clock.timers.size, 0);
  h.connect();
  assert.equal(countdown._left(until), 7);
  clock.tick(1000);
  assert.equal(h.updates, 1);
  assert.deepEqual(seen, [3000, 4000]);
  // A second start while running adds no second timer.
  countdown._start();
  clock.tick(1000);
  assert.equal(h.updates, 2);
  assert.equal(clock.timers.size, 1);
});

test('connecting a host with nothing due starts no timer', (t) => {
  const clock = fakeClock(t, 0);
  const h = host();
  new CountdownController(h, () => false);
  h.connect();
  clock.tick(5000);
  assert.equal(h.updates, 0);
  assert.equal(clock.timers.size, 0);
});
