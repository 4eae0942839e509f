import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MfaError } from '../../src/core/errors.js';
import type { Authenticator, MfaSource, OobEnrollment } from '../../src/core/types.js';
import * as flow from '../../src/elements/mfa-enrollment/mfa-enrollment.steps.js';
import * as contact from '../../src/elements/mfa-contact-enroll/mfa-contact-enroll.steps.js';
import * as push from '../../src/elements/mfa-push-enroll/mfa-push-enroll.steps.js';
import type { ShownError } from '../../src/elements/shared/flow-part.js';

// The moves of <mfa-contact-enroll> and <mfa-push-enroll>, without a browser: every move starts
// from a quiet state unless it names a busy flag or an error.

const enrollment: OobEnrollment = { type: 'oob', factor: 'sms', oobCode: 'oob-1', bindingMethod: 'prompt' } as OobEnrollment;
const shown = (code: string): ShownError => ({ error: new MfaError(code) });

test('contact: starts at an empty address field', () => {
  assert.deepEqual(contact.start(), { step: 'address', address: '' });
});

test('contact: an address that cannot be one stays typed, with what is wrong', () => {
  assert.deepEqual(contact.rejectAddress('030 12x', 'phone.invalid'), { step: 'address', address: '030 12x', fieldError: 'phone.invalid' });
});

test('contact: sending from the address step is "send"; from the code step "resend", keeping the enrollment', () => {
  const failed = { ...contact.rejectAddress('x', 'email.invalid'), error: shown('network_error') };
  assert.deepEqual(contact.sending(failed, 'a@example.com'), { step: 'address', address: 'a@example.com', busy: 'send' });
  const code: contact.CodeStep = { step: 'code', address: '+14155550123', enrollment, fieldError: 'code.incomplete', error: shown('invalid_grant') };
  assert.deepEqual(contact.sending(code, '+14155550123'), { step: 'code', address: '+14155550123', enrollment, busy: 'resend' });
});

test('contact: sent goes to the code step for the address it was sent to', () => {
  const out = contact.sending(contact.start(), '+4915123456789');
  assert.deepEqual(contact.sent(out, enrollment), { step: 'code', address: '+4915123456789', enrollment });
});

test('contact: a failed send shows a field error or the error, in the step it happened in', () => {
  const out = contact.sending(contact.start(), 'a@example.com');
  assert.deepEqual(contact.sendFailed(out, { fieldError: 'email.invalid' }), { step: 'address', address: 'a@example.com', fieldError: 'email.invalid' });
  const error = shown('too_many_requests');
  assert.deepEqual(contact.sendFailed(out, { error }), { step: 'address', address: 'a@example.com', error });
  const resend = contact.sending(contact.sent(out, enrollment), 'a@example.com');
  assert.deepEqual(contact.sendFailed(resend, { error }), { step: 'code', address: 'a@example.com', enrollment, error });
  // A resend never blames the address it already took.
  assert.deepEqual(contact.sendFailed(resend, { fieldError: 'email.invalid' }), { step: 'code', address: 'a@example.com', enrollment });
});

test('contact: the code step: incomplete, verifying, refused; each clears what was before', () => {
  const code: contact.CodeStep = { step: 'code', address: 'a@example.com', enrollment, busy: 'resend', error: shown('network_error') };
  assert.deepEqual(contact.incompleteCode(code), { step: 'code', address: 'a@example.com', enrollment, fieldError: 'code.incomplete' });
  const checking = contact.verifying(contact.incompleteCode(code));
  assert.deepEqual(checking, { step: 'code', address: 'a@example.com', enrollment, busy: 'verify' });
  const error = shown('invalid_grant');
  assert.deepEqual(contact.verifyFailed(checking, error), { step: 'code', address: 'a@example.com', enrollment, error });
});

test('contact: changing the address goes back to the field with the address sent to', () => {
  const code: contact.CodeStep = { step: 'code', address: '+14155550123', enrollment, error: shown('invalid_grant') };
  assert.deepEqual(contact.changeAddress(code), { step: 'address', address: '+14155550123' });
});

test('contact: a stale session error is dropped, the rest kept', () => {
  const state: contact.AddressStep = { step: 'address', address: 'a@example.com', error: shown('mfa_required') };
  assert.deepEqual(contact.withoutError(state), { step: 'address', address: 'a@example.com' });
  const code: contact.CodeStep = { step: 'code', address: 'a', enrollment, busy: 'verify', error: shown('mfa_required') };
  assert.deepEqual(contact.withoutError(code), { step: 'code', address: 'a', enrollment, busy: 'verify' });
});

test('push: waits first; a declined or expired poll is said as such, anything else shown as its error', () => {
  assert.deepEqual(push.waiting(), { step: 'waiting' });
  const never = () => assert.fail('no error shown for an outcome of its own');
  assert.deepEqual(push.pollFailed('expired_token', never), { step: 'failed', outcome: 'expired' });
  assert.deepEqual(push.pollFailed('access_denied', never), { step: 'failed', outcome: 'rejected' });
  const error = shown('too_many_requests');
  assert.deepEqual(push.pollFailed('too_many_requests', () => error), { step: 'failed', error });
});

// <mfa-enrollment>'s own flow: one type per step.
const controller = new AbortController();
const flowBase = { id: 7, factor: 'sms' as const, controller, knownIds: new Set(['sms|old']) };
const childSource = {} as MfaSource;

test('flow: each step keeps who it is, and only its own fields', () => {
  const start = flow.starting(flowBase);
  assert.deepEqual(start, { ...flowBase, step: 'starting' });
  const contact = flow.child({ ...start }, 'contact', childSource);
  assert.deepEqual(contact, { ...flowBase, step: 'contact', childSource });
  assert.deepEqual(flow.passkey(contact), { ...flowBase, step: 'passkey' });
  assert.deepEqual(flow.pushShown(contact, enrollment), { ...flowBase, step: 'push', enrollment });
  // A ticket answer from inside a part drops the part's fields.
  assert.deepEqual(flow.ticket(contact, 'https://t.example/x', false), { ...flowBase, step: 'popup', ticketUrl: 'https://t.example/x' });
  assert.deepEqual(flow.ticket(contact, 'https://t.example/x', true), { ...flowBase, step: 'blocked', ticketUrl: 'https://t.example/x' });
});

test('flow: only the OTP part reports its step; its recovery step cannot be left', () => {
  const otp = flow.child(flowBase, 'otp', childSource);
  assert.equal(flow.cancellable(otp), true);
  const recovery = flow.childMoved(otp, 'recovery');
  assert.deepEqual(recovery, { ...otp, childStep: 'recovery' });
  assert.equal(flow.cancellable(recovery), false);
  assert.equal(flow.cancellable(flow.childMoved(otp, 'code')), true);
  const contact = flow.child(flowBase, 'contact', childSource);
  assert.equal(flow.childMoved(contact, 'recovery'), contact);
  assert.equal(flow.cancellable(contact), true);
});

test('flow: the hosted page URL is known only after a ticket', () => {
  assert.equal(flow.ticketUrlOf(flow.starting(flowBase)), undefined);
  assert.equal(flow.ticketUrlOf(flow.ticket(flowBase, 'https://t.example/x', true)), 'https://t.example/x');
});

test('flow: the added authenticator is a new active one of the factor, else of its twin', () => {
  const a = (id: string, factor: string, active = true) => ({ id, factor, active }) as Authenticator;
  assert.equal(flow.added(flowBase, [a('sms|old', 'sms'), a('sms|gone', 'sms', false)]), undefined);
  assert.equal(flow.added(flowBase, [a('voice|new', 'voice'), a('sms|new', 'sms')])?.id, 'sms|new');
  assert.equal(flow.added(flowBase, [a('email|new', 'email'), a('voice|new', 'voice')])?.id, 'voice|new', 'the twin when the factor has none');
  assert.equal(flow.added({ ...flowBase, factor: 'email' }, [a('sms|new', 'sms')]), undefined, 'email has no twin');
  assert.equal(flow.added(flowBase), undefined);
});
