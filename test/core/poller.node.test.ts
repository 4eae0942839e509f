import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pollOob, type PollState, type PollTimers } from '../../src/core/poller.js';
import { MfaError } from '../../src/core/errors.js';
import type { CallOptions, MfaSource, VerifyRequest, VerifyResult } from '../../src/core/types.js';

/** Deterministic timers: time only moves when the test says so. */
class FakeTimers implements PollTimers {
  time = 1_000_000;
  #queue: Array<{ at: number; callback: () => void; id: number }> = [];
  #next = 1;
  /** The longest delay asked for: a real `setTimeout` fires at once above 2³¹ − 1 ms. */
  longestMs = 0;
  now = (): number => this.time;
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.#next++;
    this.longestMs = Math.max(this.longestMs, ms);
    this.#queue.push({ at: this.time + ms, callback, id });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.#queue = this.#queue.filter((t) => t.id !== handle);
  };
  get pending(): number {
    return this.#queue.length;
  }
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await flush();
    for (;;) {
      this.#queue.sort((a, b) => a.at - b.at);
      const due = this.#queue[0];
      if (!due || due.at > target) break;
      this.#queue.shift();
      this.time = due.at;
      due.callback();
      await flush();
    }
    this.time = target;
    await flush();
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

type Answer = VerifyResult | MfaError | 'hang';

/** A source whose `verify` answers from a script, recording when it was called. */
class ScriptedSource implements Pick<MfaSource, 'verify'> {
  calls: Array<{ at: number; req: VerifyRequest; signal?: AbortSignal }> = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    private readonly timers: FakeTimers,
    private readonly answers: Answer[],
    private readonly latencyMs = 0,
  ) {}
  verify = (req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> => {
    this.calls.push({ at: this.timers.time, req, signal: opts?.signal });
    const answer = this.answers.shift() ?? new MfaError('authorization_pending');
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<VerifyResult>((resolve, reject) => {
      if (answer === 'hang') return;
      this.timers.setTimeout(() => {
        this.inFlight--;
        if (answer instanceof MfaError) reject(answer);
        else resolve(answer);
      }, this.latencyMs);
    });
  };
}

const pending = (): MfaError => new MfaError('authorization_pending', { status: 400 });
const ok: VerifyResult = { tokens: { accessToken: 'at' } };

function start(answers: Answer[], options: { interval?: number; expiresIn?: number; latencyMs?: number; signal?: AbortSignal } = {}) {
  const timers = new FakeTimers();
  const source = new ScriptedSource(timers, answers, options.latencyMs);
  const states: PollState[] = [];
  const outcome: { value?: VerifyResult; error?: MfaError; settled: boolean } = { settled: false };
  const t0 = timers.time;
  pollOob(source as unknown as MfaSource, {
    oobCode: 'oob-1',
    interval: options.interval,
    expiresIn: options.expiresIn,
    signal: options.signal,
    timers,
    onPending: (state) => states.push(state),
  }).then(
    (value) => Object.assign(outcome, { value, settled: true }),
    (error: MfaError) => Object.assign(outcome, { error, settled: true }),
  );
  const times = (): number[] => source.calls.map((c) => c.at - t0);
  return { timers, source, states, outcome, times };
}

describe('pollOob', () => {
  it('waits the server interval before each request and resolves with the tokens', async () => {
    const run = start([pending(), pending(), ok], { interval: 2 });
    await run.timers.advance(1_999);
    assert.equal(run.source.calls.length, 0, 'no request before the first interval');
    await run.timers.advance(10_000);
    assert.deepEqual(run.times(), [2_000, 4_000, 6_000]);
    assert.deepEqual(run.outcome.value, ok);
    assert.deepEqual(run.source.calls[0]!.req, { type: 'oob', oobCode: 'oob-1' });
    assert.deepEqual(run.states.map((s) => [s.attempt, s.intervalMs]), [[0, 2_000], [1, 2_000], [2, 2_000]]);
    assert.equal(run.states[0]!.remainingMs, 300_000, 'five minutes by default');
  });

  it('defaults to a 5 s interval', async () => {
    const run = start([pending(), ok]);
    await run.timers.advance(20_000);
    assert.deepEqual(run.times(), [5_000, 10_000]);
    assert.ok(run.outcome.value);
  });

  it('adds 5 s to the interval on every slow_down', async () => {
    const slow = (): MfaError => new MfaError('slow_down', { status: 429 });
    const run = start([slow(), pending(), slow(), ok], { interval: 2 });
    await run.timers.advance(60_000);
    assert.deepEqual(run.times(), [2_000, 9_000, 16_000, 28_000]);
    assert.ok(run.outcome.value);
  });

  for (const code of ['invalid_grant', 'expired_token', 'access_denied']) {
    it(`stops on ${code} with that error`, async () => {
      const run = start([pending(), new MfaError(code, { status: 403 })], { interval: 1 });
      await run.timers.advance(30_000);
      assert.equal(run.outcome.error?.code, code);
      assert.equal(run.source.calls.length, 2);
    });
  }

  it('clamps a tiny interval to 1 s: a misbehaving server cannot cause a request storm', async () => {
    const run = start([], { interval: 0.001, expiresIn: 6 });
    await run.timers.advance(60_000);
    assert.deepEqual(run.times(), [1_000, 2_000, 3_000, 4_000, 5_000]);
    assert.equal(run.outcome.error?.code, 'expired_token');
  });

  it('clamps a huge interval, Retry-After and slow_down growth to 60 s, and a huge expiry to 15 min', async () => {
    const run = start([pending(), new MfaError('rate_limited', { retryAfter: 1e12 }), ...Array(30).fill(new MfaError('slow_down'))], {
      interval: 1e12,
      expiresIn: 1e12,
    });
    assert.equal(run.states[0]!.intervalMs, 60_000);
    assert.equal(run.states[0]!.remainingMs, 900_000);
    await run.timers.advance(2_000_000);
    assert.deepEqual(run.times().slice(0, 3), [60_000, 120_000, 180_000]);
    assert.equal(run.outcome.error?.code, 'expired_token');
    assert.equal(run.source.calls.length, 14, 'one request a minute until the 15 minutes are up');
    assert.ok(run.timers.longestMs <= 60_000, `no timer beyond 60 s (asked ${run.timers.longestMs} ms)`);
  });

  it('treats NaN, negative and zero values as absent', async () => {
    const run = start([pending(), ok], { interval: Number.NaN, expiresIn: -1 });
    assert.equal(run.states[0]!.remainingMs, 300_000);
    await run.timers.advance(20_000);
    assert.deepEqual(run.times(), [5_000, 10_000]);
    const zero = start([pending(), ok], { interval: 0, expiresIn: 0 });
    assert.equal(zero.states[0]!.remainingMs, 300_000, 'a zero expiry is the default, not "expired at once"');
    await zero.timers.advance(20_000);
    assert.deepEqual(zero.times(), [5_000, 10_000], 'a zero interval is the default, not the 1 s floor');
  });

  it('stops with expired_token once expiresIn has passed, without another request', async () => {
    const run = start([], { interval: 4, expiresIn: 10 });
    await run.timers.advance(9_999);
    assert.equal(run.outcome.settled, false);
    await run.timers.advance(1);
    assert.equal(run.outcome.error?.code, 'expired_token');
    assert.deepEqual(run.times(), [4_000, 8_000]);
    await run.timers.advance(60_000);
    assert.equal(run.source.calls.length, 2);
  });

  it('aborting while waiting rejects at once and sends nothing more', async () => {
    const controller = new AbortController();
    const run = start([], { interval: 3, signal: controller.signal });
    await run.timers.advance(4_000);
    assert.equal(run.source.calls.length, 1);
    controller.abort();
    await flush();
    assert.equal(run.outcome.error?.code, 'aborted');
    await run.timers.advance(60_000);
    assert.equal(run.source.calls.length, 1);
    assert.equal(run.timers.pending, 0, 'no timer left behind');
  });

  it('aborting mid-request aborts that request and settles even if the source never answers', async () => {
    const controller = new AbortController();
    const run = start(['hang'], { interval: 1, signal: controller.signal });
    await run.timers.advance(1_000);
    assert.equal(run.source.calls.length, 1);
    assert.equal(run.source.calls[0]!.signal?.aborted, false);
    controller.abort();
    await flush();
    assert.equal(run.source.calls[0]!.signal?.aborted, true);
    assert.equal(run.outcome.error?.code, 'aborted');
    await run.timers.advance(60_000);
    assert.equal(run.source.calls.length, 1);
  });

  it('an already aborted signal sends nothing', async () => {
    const run = start([ok], { signal: AbortSignal.abort() });
    await run.timers.advance(60_000);
    assert.equal(run.outcome.error?.code, 'aborted');
    assert.equal(run.source.calls.length, 0);
  });

  it('never has two requests in flight, even when the server is slower than the interval', async () => {
    const run = start([pending(), pending(), pending(), ok], { interval: 1, latencyMs: 7_000 });
    await run.timers.advance(60_000);
    assert.equal(run.source.maxInFlight, 1);
    assert.deepEqual(run.times(), [1_000, 9_000, 17_000, 25_000]);
    assert.ok(run.outcome.value);
  });

  it('rides out a couple of transient failures but not three in a row', async () => {
    const net = (): MfaError => new MfaError('network_error');
    const survived = start([net(), net(), pending(), ok], { interval: 1 });
    await survived.timers.advance(60_000);
    assert.ok(survived.outcome.value);
    const failed = start([net(), new MfaError('rate_limited', { retryAfter: 10 }), net(), ok], { interval: 1 });
    await failed.timers.advance(60_000);
    assert.equal(failed.outcome.error?.code, 'network_error');
    assert.deepEqual(failed.times(), [1_000, 2_000, 12_000], 'waits Retry-After when it is longer than the interval');
  });

  for (const code of ['timeout', 'server_unavailable', 'too_many_requests'] as const) {
    it(`rides out a ${code} as a passing failure`, async () => {
      const run = start([new MfaError(code), pending(), ok], { interval: 1 });
      await run.timers.advance(60_000);
      assert.ok(run.outcome.value, `expected tokens, got ${run.outcome.error?.code}`);
    });
  }

  it('takes the defaults (5 s interval, 5 min expiry) for a negative interval or expiresIn', async () => {
    const run = start([pending(), ok], { interval: -1, expiresIn: -1 });
    await run.timers.advance(60_000);
    assert.deepEqual(run.times(), [5_000, 10_000]);
    assert.ok(run.outcome.value);
  });

  it('a slow_down or pending between network errors is an answer: the count of failures in a row starts again', async () => {
    const net = (): MfaError => new MfaError('network_error');
    const slow = (): MfaError => new MfaError('slow_down', { status: 429 });
    const run = start([net(), net(), slow(), net(), net(), ok], { interval: 1 });
    await run.timers.advance(120_000);
    assert.ok(run.outcome.value, `expected tokens, got ${run.outcome.error?.code}`);
    const pendingBetween = start([net(), net(), pending(), net(), net(), ok], { interval: 1 });
    await pendingBetween.timers.advance(120_000);
    assert.ok(pendingBetween.outcome.value, `authorization_pending resets the count too; got ${pendingBetween.outcome.error?.code}`);
    assert.deepEqual(run.times(), [1_000, 2_000, 3_000, 9_000, 15_000, 21_000], 'slow_down widens every later wait by 5 s');
  });

  it('stops on an unexpected error code (a bad_response is not retried)', async () => {
    const run = start([new MfaError('bad_response')], { interval: 1 });
    await run.timers.advance(60_000);
    assert.equal(run.outcome.error?.code, 'bad_response');
    assert.equal(run.source.calls.length, 1);
  });
});

describe('pollOob with the real clock and timers (no timers option)', () => {
  it('waits the interval on the global setTimeout and Date: the page’s own timers drive it', async (t) => {
    // node:test's mock timers replace the globals the default timers call; time moves only on tick().
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    const answers: Answer[] = [pending(), ok];
    let calls = 0;
    const source = {
      verify: async () => {
        calls++;
        const answer = answers.shift()!;
        if (answer instanceof MfaError) throw answer;
        return answer as VerifyResult;
      },
    };
    let result: VerifyResult | undefined;
    void pollOob(source as unknown as MfaSource, { oobCode: 'o', interval: 2 }).then((r) => (result = r));
    await flush();
    t.mock.timers.tick(1_999);
    await flush();
    assert.equal(calls, 0, 'not before the interval');
    t.mock.timers.tick(1);
    await flush();
    assert.equal(calls, 1);
    t.mock.timers.tick(2_000);
    await flush();
    assert.equal(calls, 2);
    assert.deepEqual(result, ok);
  });

  it('expires by the global clock, with a message that says why', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    let error: MfaError | undefined;
    const source = { verify: async () => Promise.reject(pending()) };
    void pollOob(source as unknown as MfaSource, { oobCode: 'o', interval: 5, expiresIn: 5 }).catch((e: MfaError) => (error = e));
    await flush();
    t.mock.timers.tick(5_000);
    await flush();
    assert.equal(error?.message, 'expired_token: The request expired before it was answered.');
  });

  it('an abort clears its timer, so a stopped poll holds no timer in the page or process', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const controller = new AbortController();
    const stopped = pollOob({ verify: async () => ok } as unknown as MfaSource, { oobCode: 'o', signal: controller.signal });
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before + 1, 'waiting on a timer');
    controller.abort();
    await assert.rejects(stopped, (e: unknown) => MfaError.is(e, 'aborted'));
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before);
  });
});

describe('pollOob and a long-lived signal', () => {
  it('leaves no abort listener behind once a poll has ended', async () => {
    const controller = new AbortController();
    const run = start([pending(), pending(), ok], { interval: 1, signal: controller.signal });
    await run.timers.advance(10_000);
    assert.deepEqual(run.outcome.value, ok);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});
