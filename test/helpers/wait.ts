import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * @open-wc's waitUntil with a 10 s default instead of 1 s: the conditions wait on real HTTP to the
 * emulator and on lazily loaded chunks, which a loaded 2-core CI machine can take well over a second
 * to serve. A longer limit costs a passing test nothing; it only decides when a broken one gives up.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { interval: 20, timeout: 10_000, ...options });
}
