import { pushOutcome } from '../../core/errors.js';
import type { ShownError } from '../shared/flow-part.js';

/**
 * The steps of a Guardian push enrollment, one type each, and the moves between them as pure
 * functions: the QR code is shown while the poll waits for the app; then it is approved (the
 * flow is over), or it stopped for a reason the user can act on by starting again.
 */

/** The QR code is shown; the poll waits for the app. */
export interface WaitingStep {
  step: 'waiting';
}

/** Declined in the app, or the QR code expired: said in words of its own. */
export interface StoppedStep {
  step: 'failed';
  outcome: 'rejected' | 'expired';
}

/** Any other failure (network, rate limit): shown as that error. */
export interface FailedStep {
  step: 'failed';
  error: ShownError;
}

export type PushState = WaitingStep | StoppedStep | FailedStep;

export const waiting = (): WaitingStep => ({ step: 'waiting' });

/** The poll failed with `code`: a reason of its own, else the error as `show` makes it. */
export function pollFailed(code: string, show: () => ShownError): StoppedStep | FailedStep {
  const outcome = pushOutcome(code);
  return outcome ? { step: 'failed', outcome } : { step: 'failed', error: show() };
}
