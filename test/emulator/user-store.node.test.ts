/**
 * The user store's rules (src/emulator/state.ts) on a hand-moved clock: what each list shows, the
 * pairing of twins, pending enrollments and their day, the recovery code's life, removal.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveConfig, type EmulatorFactor } from '../../src/emulator/config.js';
import { UserStore, isMfaKind } from '../../src/emulator/state.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

const DAY = 24 * 60 * 60 * 1000;

function store(factors?: EmulatorFactor[]) {
  let time = Date.UTC(2026, 0, 1);
  const users = new UserStore(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [], ...(factors && { factors }) }), () => time);
  return { users, advance: (ms: number) => (time += ms), now: () => time };
}

const kinds = (list: { kind: string }[]) => list.map((a) => a.kind);

test('a new user: a generated id, the demo password, unverified, the tenant settings, and a stable implicit email id', () => {
  const { users } = store();
  const user = users.create({ email: 'New@Example.com' });
  assert.match(user.id, /^auth0\|[0-9a-f]{24}$/);
  assert.equal(user.password, 'demo');
  assert.equal(user.emailVerified, false);
  assert.equal(user.settings.oobTtl, 300);
  assert.deepEqual(user.authenticators, []);
  assert.match(user.implicitEmailId, /^email\|dev_[A-Za-z0-9]{16}$/);
  assert.equal(users.get(user.id), user);
  assert.equal(users.findByEmail('new@example.COM'), user);
  assert.equal(users.findByEmail('other@example.com'), undefined);
  const own = users.create({ id: 'auth0|fixed', email: 'b@x.test', password: 'pw', emailVerified: true, settings: { oobTtl: 5 } });
  assert.equal(own.id, 'auth0|fixed');
  assert.equal(own.password, 'pw');
  assert.equal(own.emailVerified, true);
  assert.equal(own.settings.oobTtl, 5);
  assert.deepEqual(users.list(), [user, own]);
});

test('seeded authenticators are active with a recovery code, fixed when asked; Duo gets none', () => {
  const { users, now } = store([...['otp', 'sms', 'voice', 'recovery-code'] as EmulatorFactor[], 'duo']);
  const user = users.create({ email: 'a@x.test', recoveryCode: 'FIXEDCODE', authenticators: [{ factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' }] });
  assert.deepEqual(
    user.authenticators.map((a) => [a.kind, a.active, a.enrolledAt, a.code ?? a.secret]),
    [
      ['totp', true, now(), 'JBSWY3DPEHPK3PXP'],
      ['recovery-code', true, now(), 'FIXEDCODE'],
    ],
  );
  const duo = users.create({ email: 'd@x.test', authenticators: [{ factor: 'duo' }] });
  assert.deepEqual(kinds(duo.authenticators), ['duo']);
  assert.equal(duo.authenticators[0]!.deviceName, 'Emulated Duo Mobile');
  assert.equal(users.activeRecoveryCode(duo), undefined);
});

test('the pairing rules: push brings a TOTP; a phone is enrolled for both message types only when both are on', () => {
  assert.deepEqual(store().users.kindsFor('otp'), ['totp']);
  assert.deepEqual(store().users.kindsFor('push'), ['push', 'totp']);
  assert.deepEqual(store().users.kindsFor('email'), ['email']);
  assert.deepEqual(store().users.kindsFor('sms'), ['sms', 'voice']);
  assert.deepEqual(store().users.kindsFor('voice'), ['voice', 'sms']);
  assert.deepEqual(store(['sms']).users.kindsFor('sms'), ['sms']);
  assert.deepEqual(store(['voice']).users.kindsFor('voice'), ['voice']);
  assert.deepEqual(store(['sms']).users.kindsFor('voice'), ['voice', 'sms']);
  assert.deepEqual(store().users.kindsFor('webauthn-roaming'), ['webauthn-roaming']);
  assert.equal(isMfaKind('totp'), true);
  assert.equal(isMfaKind('recovery-code'), true);
  assert.equal(isMfaKind('duo'), false);
  assert.equal(isMfaKind('webauthn-platform'), false);
});

test('a pending group: one group id, the first member primary, each kind with its own details and defaults', () => {
  const { users, now } = store([...(['otp', 'sms', 'voice', 'email', 'push', 'recovery-code'] as EmulatorFactor[]), 'webauthn-roaming', 'webauthn-platform']);
  const user = users.create({ email: 'a@x.test' });
  const [push, linked] = users.addPending(user, 'push', { secret: 'IGNORED', deviceName: 'Pixel' });
  assert.equal(push!.groupId, linked!.groupId);
  assert.match(push!.groupId, /^dev_[A-Za-z0-9]{16}$/);
  assert.match(push!.id, /^push\|dev_[A-Za-z0-9]{16}$/);
  assert.match(linked!.id, /^totp\|dev_/);
  assert.deepEqual([push!.primary, linked!.primary, push!.active, push!.createdAt], [true, false, false, now()]);
  assert.equal(push!.deviceName, 'Pixel');
  // Each detail goes to the kinds it belongs to: no address on a push (it would become its name), no number on a TOTP.
  assert.deepEqual([push!.email, linked!.email, push!.phoneNumber, linked!.phoneNumber], [undefined, undefined, undefined, undefined]);
  const [otpWithNumber] = users.addPending(user, 'otp', { phoneNumber: '+15555550100', email: 'x@x.test' } as never);
  assert.deepEqual([otpWithNumber!.phoneNumber, otpWithNumber!.email], [undefined, undefined]);
  assert.match(linked!.secret!, /^[A-Z2-7]{32}$/, 'a push-linked TOTP gets its own secret, never one passed in');
  assert.equal(users.addPending(user, 'push')[0]!.deviceName, 'Emulated device');
  assert.equal(users.addPending(user, 'otp', { secret: 'JBSWY3DPEHPK3PXP' })[0]!.secret, 'JBSWY3DPEHPK3PXP');
  assert.match(users.addPending(user, 'otp')[0]!.secret!, /^[A-Z2-7]{32}$/);
  const [sms, voice] = users.addPending(user, 'sms', { phoneNumber: '+15555550100' });
  assert.deepEqual([sms!.phoneNumber, voice!.phoneNumber, sms!.secret, sms!.deviceName], ['+15555550100', '+15555550100', undefined, undefined]);
  assert.equal(users.addPending(user, 'email')[0]!.email, 'a@x.test');
  assert.equal(users.addPending(user, 'email', { email: 'b@x.test' })[0]!.email, 'b@x.test');
  assert.equal(users.addPending(user, 'webauthn-roaming')[0]!.deviceName, 'Emulated security key');
  assert.equal(users.addPending(user, 'webauthn-platform')[0]!.deviceName, 'Emulated device biometrics');
  assert.equal(users.addPending(user, 'webauthn-platform', { deviceName: 'Touch ID' })[0]!.deviceName, 'Touch ID');
  assert.equal(users.isEnrolled(user), false, 'nothing pending counts as enrolled');
});

test('pending enrollments list for a day, then go; confirmed ones stay', () => {
  const { users, advance } = store();
  const user = users.create({ email: 'a@x.test' });
  const [kept] = users.addPending(user, 'otp');
  const [dropped] = users.addPending(user, 'email');
  users.confirm(user, kept!.id);
  advance(DAY - 1);
  const [late] = users.addPending(user, 'push');
  assert.deepEqual(kinds(users.listed(user)), ['totp', 'email', 'push', 'totp']);
  advance(1);
  assert.deepEqual(kinds(users.listed(user)), ['totp', 'push', 'totp'], 'gone at exactly a day');
  assert.equal(users.find(user, dropped!.id), undefined);
  assert.equal(users.find(user, late!.id), late);
  assert.equal(user.authenticators.some((a) => a.id === dropped!.id), false, 'dropped from the record too');
});

test('lists: a recovery code only once active; the verified email implied unless enrolled; hosted factors for the Management API only', () => {
  const { users } = store([...(['otp', 'email', 'recovery-code'] as EmulatorFactor[]), 'duo']);
  const user = users.create({ email: 'a@x.test', emailVerified: true });
  assert.deepEqual(users.visible(user), [
    { id: user.implicitEmailId, kind: 'email', active: true, createdAt: 0, groupId: user.implicitEmailId, primary: true, email: 'a@x.test', implicit: true },
  ]);
  const [otp] = users.addPending(user, 'otp');
  users.pendingRecoveryCode(user);
  assert.deepEqual(kinds(users.visible(user)), ['totp', 'email'], 'a pending recovery code is not listed');
  users.confirm(user, otp!.id);
  assert.deepEqual(kinds(users.visible(user)), ['totp', 'recovery-code', 'email']);
  const [other] = users.addPending(user, 'email', { email: 'other@x.test' });
  assert.equal(users.visible(user).filter((a) => a.implicit).length, 1, 'another address leaves the verified one implied');
  users.confirm(user, other!.id);
  const [own] = users.addPending(user, 'email');
  assert.equal(users.visible(user).some((a) => a.implicit), false, 'an enrollment of the verified address replaces it');
  assert.equal(users.find(user, own!.id), own);
  users.seed(user, { factor: 'duo' });
  assert.equal(kinds(users.listed(user)).includes('duo'), true);
  assert.equal(kinds(users.visible(user)).includes('duo'), false);
  assert.equal(users.find(user, user.implicitEmailId), undefined, 'no longer implied');

  const unverified = users.create({ email: 'u@x.test' });
  assert.deepEqual(users.visible(unverified), []);
  const noEmail = store(['otp']).users;
  assert.deepEqual(noEmail.visible(noEmail.create({ email: 'v@x.test', emailVerified: true })), []);
});

test('the recovery code: handed out with a first enrollment only, replaced while pending, confirmed with its group, rotated on use', () => {
  const { users, advance, now } = store();
  const user = users.create({ email: 'a@x.test' });
  const first = users.pendingRecoveryCode(user);
  assert.match(first!, /^[A-Z0-9]{24}$/);
  const second = users.pendingRecoveryCode(user, 'SECONDCODE');
  assert.equal(second, 'SECONDCODE');
  assert.match(users.activeRecoveryCodeOrPending(user)!.id, /^recovery-code\|dev_[A-Za-z0-9]{16}$/);
  assert.deepEqual(user.authenticators.filter((a) => a.kind === 'recovery-code').map((a) => [a.code, a.active, a.groupId, a.primary]), [['SECONDCODE', false, 'recovery-code', true]]);
  assert.equal(users.activeRecoveryCodeOrPending(user)?.code, 'SECONDCODE');
  assert.equal(users.activeRecoveryCode(user), undefined);
  assert.equal(users.rotateRecoveryCode(user).length, 24, 'a code even with none active');
  assert.equal(users.activeRecoveryCodeOrPending(user)?.code, 'SECONDCODE', 'a pending code is not rotated');

  const [sms, voice] = users.addPending(user, 'sms', { phoneNumber: '+15555550100' });
  const [otp] = users.addPending(user, 'otp');
  advance(1000);
  users.confirm(user, 'unknown');
  assert.equal(users.isEnrolled(user), false);
  users.confirm(user, sms!.id);
  assert.deepEqual(
    user.authenticators.map((a) => [a.kind, a.active, a.enrolledAt]),
    [
      ['recovery-code', true, now()],
      ['sms', true, now()],
      ['voice', true, now()],
      ['totp', false, undefined],
    ],
  );
  assert.equal(voice!.active, true);
  assert.equal(users.isEnrolled(user), true);
  assert.equal(users.pendingRecoveryCode(user), undefined, 'none while one is active');
  advance(1000);
  users.confirm(user, otp!.id);
  assert.equal(users.activeRecoveryCode(user)?.enrolledAt, now() - 1000, 'the active recovery code keeps its enrollment time');
  assert.equal(sms!.enrolledAt, now() - 1000, 'another group is left alone');
  assert.equal(otp!.enrolledAt, now());

  advance(1000);
  users.touch(otp!);
  assert.equal(otp!.lastAuthAt, now());
  const rotated = users.rotateRecoveryCode(user);
  assert.match(rotated, /^[A-Z0-9]{24}$/);
  assert.notEqual(rotated, 'SECONDCODE');
  assert.equal(users.activeRecoveryCode(user)?.code, rotated);
  assert.equal(users.activeRecoveryCode(user)?.lastAuthAt, now());

  const off = store(['otp']).users;
  assert.equal(off.pendingRecoveryCode(off.create({ email: 'b@x.test' })), undefined, 'none when the tenant has no recovery codes');
});

test('removal takes the twin along; when only the recovery code is left it goes too', () => {
  const { users } = store();
  const user = users.create({ email: 'a@x.test' });
  const [sms, voice] = users.seed(user, { factor: 'sms', phoneNumber: '+15555550100' });
  const [otp] = users.seed(user, { factor: 'otp' });
  assert.deepEqual(users.remove(user, 'unknown'), []);
  assert.deepEqual(users.remove(user, voice!.id), [sms, voice]);
  assert.deepEqual(kinds(user.authenticators), ['recovery-code', 'totp']);
  const removed = users.remove(user, otp!.id);
  assert.deepEqual(kinds(removed), ['totp', 'recovery-code']);
  assert.deepEqual(user.authenticators, []);
  assert.equal(users.isEnrolled(user), false);
  // A pending enrollment left alone keeps the user's recovery code out of reach of removal.
  const [kept] = users.seed(user, { factor: 'otp' });
  users.addPending(user, 'email');
  assert.deepEqual(kinds(users.remove(user, kept!.id)), ['totp']);
  assert.deepEqual(kinds(user.authenticators), ['recovery-code', 'email']);
});
