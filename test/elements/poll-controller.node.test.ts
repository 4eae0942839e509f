import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PollOptions } from '../../src/core/poller.js';
import type { MfaSource, VerifyResult } from '../../src/core/types.js';
import { PollController } from '../../src/elements/shared/poll.js';

function host() {
  const controllers: ReactiveController[] = [];
  const h = {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return h as ReactiveControllerHost & { disconnect(): void };
}

/** A poll that settles only when told, or rejects when its signal fires; records the signals it got. */
function fakePoll() {
  const signals: AbortSignal[] = [];
  let settle: (value: VerifyResult) => void = () => {};
  const poll = (_source: MfaSource, options: PollOptions) =>
    new Promise<VerifyResult>((resolve, reject) => {
      signals.push(options.signal!);
      settle = resolve;
      if (options.signal!.aborted) reject(new Error('aborted'));
      options.signal!.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  return { poll, signals, settle: (v: VerifyResult) => settle(v) };
}

const source = {} as MfaSource;

test('the host leaving the page stops the poll', async () => {
  const h = host();
  const fake = fakePoll();
  const poller = new PollController(h, fake.poll);
  const run = poller.run(source, { oobCode: 'a' });
  assert.equal(poller.running, true);
  h.disconnect();
  await assert.rejects(run, /aborted/);
  assert.equal(fake.signals[0]!.aborted, true);
  assert.equal(poller.running, false);
});

test('a new poll stops the one before; the flow signal stops it too', async () => {
  const fake = fakePoll();
  const poller = new PollController(host(), fake.poll);
  const first = poller.run(source, { oobCode: 'a' });
  const flow = new AbortController();
  const second = poller.run(source, { oobCode: 'b', signal: flow.signal });
  await assert.rejects(first, /aborted/);
  assert.equal(fake.signals[1]!.aborted, false);
  flow.abort();
  await assert.rejects(second, /aborted/);
});

test('an already aborted flow signal never polls live; a settled poll leaves nothing running', async () => {
  const fake = fakePoll();
  const poller = new PollController(host(), fake.poll);
  const done = new AbortController();
  done.abort();
  await assert.rejects(poller.run(source, { oobCode: 'a', signal: done.signal }), /aborted/);
  const run = poller.run(source, { oobCode: 'b' });
  fake.settle({} as VerifyResult);
  await run;
  assert.equal(poller.running, false);
  assert.equal(fake.signals[1]!.aborted, true, 'its signal released after settling');
});
