import type { OobEnrollment } from '../../core/types.js';
import type { ShownError } from '../shared/flow-part.js';

/**
 * The steps of a phone or email enrollment, one type each, and the moves between them as pure
 * functions (the element only asks the server and renders): type the address, send it, type the
 * code that came, verify it. Every move starts from a quiet state (no busy flag, no error) unless it says one.
 */

/** Typing the phone number or email address (as typed; normalized once accepted), or sending it. */
export interface AddressStep {
  step: 'address';
  address: string;
  busy?: 'send';
  /** What is wrong with the field (format), shown under it; a key, translated when rendered. */
  fieldError?: 'phone.invalid' | 'email.invalid';
  error?: ShownError;
}

/** The code that was sent to `address`: typing it, verifying it, or sending it again. */
export interface CodeStep {
  step: 'code';
  address: string;
  enrollment: OobEnrollment;
  busy?: 'resend' | 'verify';
  fieldError?: 'code.incomplete';
  error?: ShownError;
}

export type ContactState = AddressStep | CodeStep;

export const start = (): AddressStep => ({ step: 'address', address: '' });

/** The typed text cannot be an address: back to the field, keeping what was typed. */
export const rejectAddress = (raw: string, problem: 'phone.invalid' | 'email.invalid'): AddressStep => ({ step: 'address', address: raw, fieldError: problem });

/** The code goes out to `address`: the first time from the address step, again from the code step. */
export function sending(state: ContactState, address: string): ContactState {
  return state.step === 'code' ? { step: 'code', address, enrollment: state.enrollment, busy: 'resend' } : { step: 'address', address, busy: 'send' };
}

/** The server sent a code: type it. */
export const sent = (state: ContactState, enrollment: OobEnrollment): CodeStep => ({ step: 'code', address: state.address, enrollment });

/**
 * Sending failed: `fieldError` when the server refused the address itself (only from the address
 * step: a resend sends the address it already took), else the error, in the step it happened in.
 */
export function sendFailed(state: ContactState, failure: { error?: ShownError; fieldError?: AddressStep['fieldError'] }): ContactState {
  return state.step === 'code'
    ? { step: 'code', address: state.address, enrollment: state.enrollment, ...(failure.error && { error: failure.error }) }
    : { step: 'address', address: state.address, ...(failure.fieldError ? { fieldError: failure.fieldError } : failure.error && { error: failure.error }) };
}

const quiet = (state: CodeStep): CodeStep => ({ step: 'code', address: state.address, enrollment: state.enrollment });

/** Fewer digits than the code has: said under the cells, nothing sent. */
export const incompleteCode = (state: CodeStep): CodeStep => ({ ...quiet(state), fieldError: 'code.incomplete' });

export const verifying = (state: CodeStep): CodeStep => ({ ...quiet(state), busy: 'verify' });

/** The code was refused (or the request failed): type it again, or have it sent again. */
export const verifyFailed = (state: CodeStep, error: ShownError): CodeStep => ({ ...quiet(state), error });

/** "Use a different number": back to the field with the address that was sent to. */
export const changeAddress = (state: ContactState): AddressStep => ({ step: 'address', address: state.address });

/** An error about the session went stale (the user verified elsewhere on the page): drop it. */
export function withoutError<T extends ContactState>(state: T): T {
  const { error: _dropped, ...rest } = state;
  return rest as T;
}
