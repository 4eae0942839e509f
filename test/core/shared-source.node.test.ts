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

describe('SharedSource over a source that says not to re-list (relist: false)', () => {
  const sms: Authenticator = { id: 'sms|dev_2', authenticatorType: 'oob', factor: 'sms', active: true, linkedIds: ['voice|dev_2'], removable: true };
  const voice: Authenticator = { id: 'voice|dev_2', authenticatorType: 'oob', factor: 'voice', active: true, linkedIds: ['sms|dev_2'], removable: true };
  const email: Authenticator = { id: 'email|dev_3', authenticatorType: 'oob', factor: 'email', active: true, linkedIds: [], removable: true };
  function quiet(extra: Partial<MfaSource> = {}) {
    const capabilities = { ...innerSource().source.capabilities!, relist: false };
    return innerSource({ capabilities, ...extra });
  }

  it('a remove drops the method and its linked twins from the cached list, keeps the others, and tells subscribers', async () => {
    const { source, calls, lists } = quiet();
    const shared = new SharedSource(source);
    let told = 0;
    shared.subscribe(() => told++);
    const first = shared.listAuthenticators();
    lists[0]!.resolve([otp, voice, email]);
    await first;
    await shared.remove('sms|dev_2');
    assert.deepEqual(await shared.listAuthenticators(), [otp, email], 'voice is linked to the removed sms');
    await shared.remove('email|dev_3');
    assert.deepEqual(await shared.listAuthenticators(), [otp]);
    assert.equal(told, 2);
    assert.deepEqual(calls, ['list', 'remove', 'remove'], 'no second list request');
  });

  it('a rename replaces only that method in place; a method not in the list is added', async () => {
    const renamed = { ...sms, name: 'Work phone' };
    const { source, calls, lists } = quiet({ rename: async () => renamed });
    const shared = new SharedSource(source);
    const first = shared.listAuthenticators();
    lists[0]!.resolve([otp, sms, email]);
    await first;
    assert.equal(await shared.rename!('sms|dev_2', 'Work phone'), renamed);
    assert.deepEqual(await shared.listAuthenticators(), [otp, renamed, email]);
    const { source: other, lists: otherLists } = quiet({ rename: async () => renamed });
    const fresh = new SharedSource(other);
    const listed = fresh.listAuthenticators();
    otherLists[0]!.resolve([otp]);
    await listed;
    await fresh.rename!('sms|dev_2', 'Work phone');
    assert.deepEqual(await fresh.listAuthenticators(), [otp, renamed]);
    assert.deepEqual(calls, ['list']);
  });

  it('when the cached list fails, a change does not keep the failure: the next caller lists again', async () => {
    const { source, calls, lists } = quiet();
    const shared = new SharedSource(source);
    const first = shared.listAuthenticators();
    await shared.remove('sms|dev_2');
    lists[0]!.reject(new MfaError('network_error'));
    await assert.rejects(first, (e: unknown) => MfaError.is(e, 'network_error'));
    const again = shared.listAuthenticators();
    assert.equal(lists.length, 2, 'the failed list is not kept');
    lists[1]!.resolve([otp]);
    assert.deepEqual(await again, [otp]);
    assert.deepEqual(calls, ['list', 'remove', 'list']);
  });

  it('an updated old list failing after an invalidation does not throw away the newer list', async () => {
    const { source, calls, lists } = quiet();
    const shared = new SharedSource(source);
    const old = shared.listAuthenticators();
    await shared.remove('sms|dev_2');
    await shared.verify({ factor: 'otp', code: '123456' } as never);
    const newer = shared.listAuthenticators();
    lists[0]!.reject(new MfaError('network_error'));
    await assert.rejects(old, (e: unknown) => MfaError.is(e, 'network_error'));
    lists[1]!.resolve([otp]);
    assert.deepEqual(await newer, [otp]);
    assert.deepEqual(await shared.listAuthenticators(), [otp]);
    assert.deepEqual(calls, ['list', 'remove', 'verify', 'list'], 'the newer list is still the cached one');
  });
});
