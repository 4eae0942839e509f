import { MfaError } from './errors.js';
import type { GetToken, Tokens } from './types.js';

/** Asks the page's `getToken`, if it gave one; a failure of that callback is an `invalid_token`. */
export async function askToken(getToken: GetToken | undefined, forceRefresh: boolean): Promise<Tokens | undefined> {
  try {
    return await getToken?.({ forceRefresh });
  } catch (cause) {
    throw MfaError.is(cause) ? cause : new MfaError('invalid_token', { description: 'getToken() failed', cause });
  }
}

/**
 * Sends with the token `current()` names once `refresh(false)` has asked for one; on `invalid_token` or
 * `expired_token`, when there is a `getToken` to ask (`canRefresh`), asks it with `forceRefresh` and
 * sends once more: never a second retry, whatever the server answers.
 */
export async function sendWithToken<T>(
  refresh: (forceRefresh: boolean) => Promise<void>,
  current: () => string | undefined,
  send: (token: string) => Promise<T>,
  canRefresh: boolean,
  missing: string,
): Promise<T> {
  // Without a getToken there is nothing to ask: sent at once, so that a list request made while an
  // element updates is on the wire before that element's first render (issue 15).
  if (canRefresh) await refresh(false);
  const first = current();
  if (!first) throw new MfaError('unsupported', { description: missing });
  try {
    return await send(first);
  } catch (error) {
    if (!canRefresh || !MfaError.is(error, 'invalid_token', 'expired_token')) throw error;
    await refresh(true);
    const second = current();
    if (!second) throw error;
    return send(second);
  }
}
