/**
 * Limits for things a test awaits, so a broken behaviour fails in seconds with a message naming what
 * never happened instead of hanging until the runner's own timeout. Works in Node and in browsers.
 */

/** `promise`, or a rejection saying `what` did not happen within `ms`. */
export function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not happen within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * The next `type` event at `target` (the listener is attached now, so call this before the action that
 * fires it), failing with a message after `ms`. Replaces @open-wc's oneEvent, which waits forever.
 */
export function nextEvent<E extends Event = CustomEvent>(target: EventTarget, type: string, ms = 10_000): Promise<E> {
  let listener: (event: Event) => void = () => {};
  const fired = new Promise<E>((resolve) => {
    listener = (event) => resolve(event as E);
    target.addEventListener(type, listener, { once: true });
  });
  return within(fired, `no ${type} event`, ms).finally(() => target.removeEventListener(type, listener));
}
