/** SharedSource as the elements under one provider use it: one list for all, refreshed on changes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../../src/core/errors.js';
import { SharedSource } from '../../src/core/shared-source.js';
import type { Authenticator, FactorInfo, MfaSource } from '../../src/core/types.js';

const otp: Authenticator = { id: 'totp|dev_1', authenticatorType: 'otp', factor: 'otp', active: true, linkedIds: [], removable: true };

/** A source whose list and factor requests the test settles by hand, counting every call. */
function innerSource(extra: Partial<MfaSource> = {}) {
  const calls: string[] = [];
  const lists: Array<{ resolve: (a: Authenticator[]) => void; reject: (e: Error) => void; signal?: AbortSignal }> = [];
  const source: MfaSource = {
    capabilities: { list: true, factors: false, associate: true, ticket: false, challenge: true, verify: true, remove: true },
    hasAccessToken: true,
    listAuthenticators: (opts) => {
      calls.push('list');
      return new Promise((resolve, reject) => lists.push({ resolve, reject, signal: opts?.signal }));
    },
    enroll: async () => {
      calls.push('enroll');
      return { type: 'otp', factor: 'otp', secret: 'S', barcodeUri: 'otpauth://totp/x?secret=S' };
    },
    remove: async () => void calls.push('remove'),
    challenge: async () => {
      calls.push('challenge');
      return { challengeType: 'otp' };
    },
    verify: async () => {
      calls.push('verify');
      return {};
    },
    ...extra,
  };
  return { source, calls, lists };
}

describe('SharedSource', () => {
  it('sends one list request however many ask at once, and keeps the answer until something changes', async () => {
    const { source, calls, lists } = innerSource();
    const shared = new SharedSource(source);
    const a = shared.listAuthenticators();
    const b = shared.listAuthenticators();
    assert.equal(lists.length, 1);
    assert.equal(lists[0]!.signal, undefined, 'no single caller owns the shared request');
    lists[0]!.resolve([otp]);
    assert.deepEqual(await a, [otp]);
    assert.deepEqual(await b, [otp]);
    assert.deepEqual(await shared.listAuthenticators(), [otp]);
    assert.deepEqual(calls, ['list']);
  });

  it('a remove or a verification tells every subscriber and lists afresh; enroll and challenge change nothing', async () => {
    const { source, calls, lists } = innerSource();
    const shared = new SharedSource(source);
    let told = 0;
    const unsubscribe = shared.subscribe(() => told++);
    const first = shared.listAuthenticators();
    lists[0]!.resolve([otp]);
    await first;
    await shared.enroll({ factor: 'otp' });
    await shared.challenge({ authenticatorId: 'totp|dev_1' });
    assert.equal(told, 0);
    await shared.listAuthenticators();
    assert.equal(lists.length, 1, 'still the cached list');
    await shared.remove('totp|dev_1');
    assert.equal(told, 1);
    const second = shared.listAuthenticators();
    assert.equal(lists.length, 2, 'listed again after the remove');
    lists[1]!.resolve([]);
    assert.deepEqual(await second, []);
    await shared.verify({ type: 'otp', otp: '123456' });
    assert.equal(told, 2);
    unsubscribe();
    shared.invalidate();
    assert.equal(told, 2, 'an unsubscribed listener hears nothing');
    void shared.listAuthenticators();
    assert.equal(lists.length, 3);
    assert.deepEqual(calls, ['list', 'enroll', 'challenge', 'remove', 'list', 'verify', 'list']);
  });

  it('a failed list is not kept: the next caller asks again', async () => {
    const { source, lists } = innerSource();
    const shared = new SharedSource(source);
    const failing = shared.listAuthenticators();
    lists[0]!.reject(new MfaError('network_error'));
    await assert.rejects(failing, (e: unknown) => MfaError.is(e, 'network_error'));
    const again = shared.listAuthenticators();
    assert.equal(lists.length, 2);
    lists[1]!.resolve([otp]);
    assert.deepEqual(await again, [otp]);
  });

  it('an old list failing after an invalidation does not throw away the newer one', async () => {
    const { source, lists } = innerSource();
    const shared = new SharedSource(source);
    const old = shared.listAuthenticators();
    shared.invalidate();
    const fresh = shared.listAuthenticators();
    lists[0]!.reject(new MfaError('network_error'));
    await assert.rejects(old);
    const later = shared.listAuthenticators();
    assert.equal(lists.length, 2, 'the newer request is still the shared one');
    lists[1]!.resolve([otp]);
    assert.deepEqual(await fresh, [otp]);
    assert.deepEqual(await later, [otp]);
  });

  it('one caller aborting stops waiting alone: the others still get the list', async () => {
    const { source, lists } = innerSource();
    const shared = new SharedSource(source);
    const controller = new AbortController();
    const leaving = shared.listAuthenticators({ signal: controller.signal });
    const staying = shared.listAuthenticators();
    controller.abort();
    await assert.rejects(leaving, (e: unknown) => MfaError.is(e, 'aborted'));
    lists[0]!.resolve([otp]);
    assert.deepEqual(await staying, [otp]);
  });

  it('shares factor lists the same way, and offers listFactors and regenerateRecoveryCode only when the source has them', async () => {
    const { source } = innerSource();
    const plain = new SharedSource(source);
    assert.equal(plain.listFactors, undefined);
    assert.equal(plain.regenerateRecoveryCode, undefined);
    assert.equal(plain.capabilities, source.capabilities);
    assert.equal(plain.hasAccessToken, true);

    const factors: FactorInfo[] = [{ factor: 'otp', enabled: true }];
    let factorCalls = 0;
    let failNext = true;
    const { source: rich } = innerSource({
      listFactors: async () => {
        factorCalls++;
        if (failNext) {
          failNext = false;
          throw new MfaError('network_error');
        }
        return factors;
      },
      regenerateRecoveryCode: async () => 'NEWCODE',
    });
    const shared = new SharedSource(rich);
    await assert.rejects(shared.listFactors!(), (e: unknown) => MfaError.is(e, 'network_error'));
    const [a, b] = await Promise.all([shared.listFactors!(), shared.listFactors!()]);
    assert.deepEqual([a, b], [factors, factors]);
    assert.equal(factorCalls, 2, 'the failure was not kept, the success was shared');
    let told = 0;
    shared.subscribe(() => told++);
    assert.equal(await shared.regenerateRecoveryCode!(), 'NEWCODE');
    assert.equal(told, 1, 'a new recovery code changes the list');
    await shared.listFactors!();
    assert.equal(factorCalls, 3, 'and the factor list is asked again');
  });
});
