import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProxySource } from '../../src/core/proxy-source.js';
import {
  activeByFactor,
  deriveAuthenticators,
  FACTOR_NAMES,
  FACTORS,
  factorOf,
  factorsOfGuardian,
  idPrefix,
  isFactorName,
  isPushTwin,
  type ListedAuthenticator,
} from '../../src/core/factors.js';

const a = (id: string, extra: Partial<ListedAuthenticator> = {}): ListedAuthenticator => {
  const prefix = id.split('|')[0]!;
  const channel = ({ sms: 'sms', voice: 'voice', email: 'email', push: 'auth0' } as const)[prefix as 'sms'];
  const type = prefix === 'totp' ? 'otp' : prefix === 'recovery-code' ? 'recovery-code' : 'oob';
  return { id, authenticatorType: type, active: true, ...(channel && { oobChannel: channel }), ...extra };
};
const links = (list: ListedAuthenticator[]): Record<string, string[]> =>
  Object.fromEntries(deriveAuthenticators(list).map((x) => [x.id, x.linkedIds]));

describe('factor catalogue', () => {
  it('knows the Guardian, ticket and wire names of every factor', () => {
    assert.deepEqual(
      FACTOR_NAMES.map((f) => [f, FACTORS[f].guardianFactor, FACTORS[f].ticketFactor, FACTORS[f].idPrefix, FACTORS[f].oobChannel]),
      [
        ['push', 'push-notification', 'push-notification', 'push', 'auth0'],
        ['otp', 'otp', 'otp', 'totp', undefined],
        ['sms', 'sms', 'phone', 'sms', 'sms'],
        ['voice', 'sms', 'phone', 'voice', 'voice'],
        ['email', 'email', 'email', 'email', 'email'],
        ['recovery-code', 'recovery-code', undefined, 'recovery-code', undefined],
      ],
    );
    assert.equal(FACTORS.voice.messageType, 'voice');
    assert.equal(FACTORS['recovery-code'].inlineEnroll, false);
    assert.equal(FACTORS['recovery-code'].removable, false);
    assert.deepEqual(factorsOfGuardian('sms'), ['sms', 'voice']);
    assert.deepEqual(factorsOfGuardian('push-notification'), ['push']);
    assert.equal(isFactorName('voice'), true);
    assert.equal(isFactorName('toString'), false);
  });

  it('derives the factor from type, then channel, then id prefix', () => {
    assert.equal(factorOf({ id: 'totp|x', authenticatorType: 'otp' }), 'otp');
    assert.equal(factorOf({ id: 'push|x', authenticatorType: 'oob', oobChannel: 'auth0' }), 'push');
    assert.equal(factorOf({ id: 'sms|x', authenticatorType: 'oob', oobChannel: 'voice' }), 'voice');
    assert.equal(factorOf({ id: 'voice|x', authenticatorType: 'oob' }), 'voice');
    assert.equal(factorOf({ id: 'odd|x', authenticatorType: 'oob' }), undefined);
    assert.equal(factorOf({ id: 'recovery-code|x', authenticatorType: 'recovery-code' }), 'recovery-code');
  });
});

describe('pairing', () => {
  it('links by equal id suffix first', () => {
    assert.deepEqual(links([a('totp|A'), a('push|B'), a('totp|B'), a('sms|C'), a('email|E'), a('voice|C')]), {
      'totp|A': [], 'push|B': ['totp|B'], 'totp|B': ['push|B'], 'sms|C': ['voice|C'], 'email|E': [], 'voice|C': ['sms|C'],
    });
  });

  it('links sms and voice with the same masked number, in order', () => {
    const list = [a('sms|1', { name: '+1XXX0100' }), a('sms|2', { name: '+1XXX0200' }), a('voice|3', { name: '+1XXX0200' }), a('voice|4', { name: '+1XXX0100' })];
    assert.deepEqual(links(list), { 'sms|1': ['voice|4'], 'sms|2': ['voice|3'], 'voice|3': ['sms|2'], 'voice|4': ['sms|1'] });
  });

  it('never pairs an active sms with an inactive voice entry, even under the same masked number', () => {
    // An abandoned voice enrollment of the same phone stays listed (inactive) apart from the live pair.
    assert.deepEqual(links([a('sms|1', { name: '+1XXX0100' }), a('voice|2', { name: '+1XXX0100', active: false })]), { 'sms|1': [], 'voice|2': [] });
    const list = [a('voice|old', { name: '+1XXX0100', active: false }), a('email|e'), a('sms|1', { name: '+1XXX0100' }), a('email|f'), a('voice|2', { name: '+1XXX0100' })];
    assert.deepEqual(links(list), { 'voice|old': [], 'email|e': [], 'sms|1': ['voice|2'], 'email|f': [], 'voice|2': ['sms|1'] });
  });

  it('links push to the adjacent TOTP, preferring the next entry (emulator order: primary then twin)', () => {
    assert.deepEqual(links([a('totp|s'), a('push|p'), a('totp|l')]), { 'totp|s': [], 'push|p': ['totp|l'], 'totp|l': ['push|p'] });
    assert.deepEqual(links([a('push|p'), a('totp|l'), a('totp|s')]), { 'push|p': ['totp|l'], 'totp|l': ['push|p'], 'totp|s': [] });
    assert.deepEqual(links([a('totp|l'), a('push|p')]), { 'totp|l': ['push|p'], 'push|p': ['totp|l'] });
  });

  it('does not link across active states, distant entries or different numbers', () => {
    assert.deepEqual(links([a('push|p'), a('totp|t', { active: false })]), { 'push|p': [], 'totp|t': [] });
    assert.deepEqual(links([a('push|p'), a('email|e'), a('totp|t')]), { 'push|p': [], 'email|e': [], 'totp|t': [] });
    assert.deepEqual(links([a('sms|1', { name: '+1X01' }), a('voice|2', { name: '+1X02' })]), { 'sms|1': [], 'voice|2': [] });
  });

  it('marks recovery codes as not removable and gives each authenticator at most one twin', () => {
    const list = deriveAuthenticators([a('recovery-code|r'), a('push|p'), a('totp|1'), a('push|q'), a('totp|2')]);
    assert.deepEqual(list.map((x) => [x.id, x.factor, x.removable, x.linkedIds]), [
      ['recovery-code|r', 'recovery-code', false, []],
      ['push|p', 'push', true, ['totp|1']],
      ['totp|1', 'otp', true, ['push|p']],
      ['push|q', 'push', true, ['totp|2']],
      ['totp|2', 'otp', true, ['push|q']],
    ]);
  });
});

describe('activeByFactor', () => it('active authenticators per factor in list order; push hides its TOTP twin only when asked', () => {
  const list = deriveAuthenticators([
    { id: 'push|dev_1', authenticatorType: 'oob', oobChannel: 'auth0', active: true },
    { id: 'totp|dev_1', authenticatorType: 'otp', active: true },
    { id: 'totp|dev_2', authenticatorType: 'otp', active: true },
    { id: 'sms|dev_3', authenticatorType: 'oob', oobChannel: 'sms', active: false },
    { id: 'email|dev_4', authenticatorType: 'oob', oobChannel: 'email', active: true },
  ]);
  const ids = (rows: Map<string, { id: string }[]>) => Object.fromEntries([...rows].map(([f, a]) => [f, a.map((x) => x.id)]));
  assert.deepEqual(ids(activeByFactor(list, true)), { push: ['push|dev_1'], otp: ['totp|dev_2'], email: ['email|dev_4'] });
  assert.deepEqual(ids(activeByFactor(list, false)), { push: ['push|dev_1'], otp: ['totp|dev_1', 'totp|dev_2'], email: ['email|dev_4'] });
}));

describe('factor catalogue: what each factor allows', () => {
  it('every factor but recovery codes is enrolled inline and removable', () => {
    assert.deepEqual(FACTOR_NAMES.filter((f) => FACTORS[f].inlineEnroll), ['push', 'otp', 'sms', 'voice', 'email']);
    const list = deriveAuthenticators([a('push|1'), a('totp|2'), a('sms|3'), a('voice|4'), a('email|5'), a('recovery-code|6')]);
    assert.deepEqual(list.map((x) => [x.factor, x.removable]), [
      ['push', true], ['otp', true], ['sms', true], ['voice', true], ['email', true], ['recovery-code', false],
    ]);
  });
  it('an unknown authenticator type is no factor, whatever its id says; an oob one never is otp', () => {
    assert.equal(factorOf({ id: 'sms|dev_1', authenticatorType: 'sound-wave' as never }), undefined);
    assert.equal(factorOf({ id: 'totp|dev_1', authenticatorType: 'oob' }), undefined);
    assert.equal(factorOf({ id: 'recovery-code|dev_1', authenticatorType: 'oob' }), undefined);
    assert.equal(factorOf({ id: 'email|dev_1', authenticatorType: 'oob' }), 'email');
  });
  it('idPrefix is empty for an id without a bar', () => {
    assert.equal(idPrefix('totp'), '');
    assert.equal(idPrefix('sms|dev_1'), 'sms');
  });
  it('a recovery-code id implies no challenge type: ProxySource sends none for it', async () => {
    const sent: unknown[] = [];
    const source = new ProxySource({
      baseUrl: '/mfa',
      fetch: async (_url, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response('{"challenge_type":"otp"}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await source.challenge({ authenticatorId: 'recovery-code|dev_1' });
    await source.challenge({ authenticatorId: 'weird|dev_2' });
    assert.deepEqual(sent, [{ authenticator_id: 'recovery-code|dev_1' }, { authenticator_id: 'weird|dev_2' }]);
  });
});

describe('pairing: order and exhaustion', () => {
  const named = (id: string, name: string | undefined, extra: Partial<ListedAuthenticator> = {}) => a(id, { ...(name && { name }), ...extra });
  it('by name, the next entry first, then the first free one in list order', () => {
    assert.deepEqual(links([named('voice|v1', 'N'), named('sms|s', 'N'), named('voice|v2', 'N')]), {
      'voice|v1': [], 'sms|s': ['voice|v2'], 'voice|v2': ['sms|s'],
    });
    // The next entry wins over an earlier free one even when the entry before is no twin.
    assert.deepEqual(links([named('voice|v1', 'N'), named('email|e', 'N'), named('sms|s', 'N'), named('voice|v2', 'N')]), {
      'voice|v1': [], 'email|e': [], 'sms|s': ['voice|v2'], 'voice|v2': ['sms|s'],
    });
    // The next entry under another name is passed over for the earlier one with the same name.
    assert.deepEqual(links([named('voice|v1', 'N'), named('sms|s', 'N'), named('voice|v2', 'M')]), {
      'voice|v1': ['sms|s'], 'sms|s': ['voice|v1'], 'voice|v2': [],
    });
  });
  it('two phones under one masked number take one voice entry each, and a third finds none left', () => {
    assert.deepEqual(links([named('sms|s1', 'N'), named('sms|s2', 'N'), named('voice|v1', 'N'), named('voice|v2', 'N')]), {
      'sms|s1': ['voice|v1'], 'sms|s2': ['voice|v2'], 'voice|v1': ['sms|s1'], 'voice|v2': ['sms|s2'],
    });
    assert.deepEqual(links([named('sms|s1', 'N'), named('sms|s2', 'N'), named('voice|v1', 'N'), named('email|e', 'N')]), {
      'sms|s1': ['voice|v1'], 'sms|s2': [], 'voice|v1': ['sms|s1'], 'email|e': [],
    });
  });
  it('neighbours pair when either has no name, never under two different names', () => {
    assert.deepEqual(links([named('sms|s', 'N1'), named('voice|v', 'N2')]), { 'sms|s': [], 'voice|v': [] });
    assert.deepEqual(links([named('sms|s', 'N1'), named('voice|v', undefined)]), { 'sms|s': ['voice|v'], 'voice|v': ['sms|s'] });
    assert.deepEqual(links([named('sms|s', undefined), named('voice|v', 'N2')]), { 'sms|s': ['voice|v'], 'voice|v': ['sms|s'] });
  });
});

describe('push twins', () => {
  const list = deriveAuthenticators([
    { id: 'push|dev_1', authenticatorType: 'oob', oobChannel: 'auth0', active: false },
    { id: 'totp|dev_1', authenticatorType: 'otp', active: true },
    { id: 'push|dev_2', authenticatorType: 'oob', oobChannel: 'auth0', active: true },
    { id: 'totp|dev_2', authenticatorType: 'otp', active: true },
    { id: 'totp|dev_3', authenticatorType: 'otp', active: true },
  ]);
  const byId = (id: string) => list.find((x) => x.id === id)!;
  it('isPushTwin: a TOTP linked to an active push, nothing else', () => {
    assert.deepEqual(list.map((x) => isPushTwin(x, list)), [false, false, false, true, false]);
    assert.equal(byId('totp|dev_1').linkedIds[0], 'push|dev_1', 'linked, but to a push that is not active');
  });
  it('activeByFactor hides only the twin of an active push', () => {
    const rows = activeByFactor(list, true);
    assert.deepEqual(rows.get('otp')!.map((x) => x.id), ['totp|dev_1', 'totp|dev_3']);
    assert.deepEqual(rows.get('push')!.map((x) => x.id), ['push|dev_2']);
  });
});

describe('pairing: ids without a bar', () => {
  it('have no suffix to pair by: a push and a TOTP without one stay apart across active states', () => {
    assert.deepEqual(
      links([
        { id: 'pushdevice', authenticatorType: 'oob', oobChannel: 'auth0', active: false },
        a('email|e'),
        { id: 'totpdevice', authenticatorType: 'otp', active: true },
      ]),
      { pushdevice: [], 'email|e': [], totpdevice: [] },
    );
  });
});
