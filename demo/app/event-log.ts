/**
 * The event log: every `mfa-enroll`, `mfa-remove`, `mfa-verified` and `mfa-error` that reaches
 * `root`, newest first, with its detail as JSON text. Tokens are redacted (direct mode's
 * `mfa-verified` carries them); an `MfaError` is shown by its public fields.
 */
import { MfaError } from '../../src/core/index.js';
import { clockTime, h } from './dom.js';

export const LOGGED_EVENTS = ['mfa-enroll', 'mfa-remove', 'mfa-verified', 'mfa-error'] as const;

/** `accessToken`, `idToken`, `refreshToken`, `mfaToken`, `token` (not `tokens`, not `tokenType`). */
const SECRET_KEY = /token$/i;

/** A JSON-safe copy of an event detail with every token replaced (its shape kept). */
export function redact(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) && typeof value === 'string') return '[redacted]';
  if (value instanceof MfaError) {
    const { code, status, description, retryAfter, attemptsLeft } = value;
    return redact({ name: value.name, code, status, description, retryAfter, attemptsLeft });
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      if (item !== undefined) out[name] = redact(item, name);
    }
    return out;
  }
  return value;
}

export class EventLog {
  readonly #list: HTMLOListElement;
  readonly #empty: HTMLElement;

  constructor(list: HTMLOListElement, empty: HTMLElement, clear: HTMLButtonElement) {
    this.#list = list;
    this.#empty = empty;
    clear.addEventListener('click', () => this.clear());
  }

  /** Logs every page event that bubbles up to `root` (the events are composed, so they leave shadow roots). */
  listen(root: EventTarget): void {
    for (const type of LOGGED_EVENTS) root.addEventListener(type, (event) => this.add(event as CustomEvent));
  }

  add(event: CustomEvent): void {
    const source = event.target instanceof Element ? event.target.localName : '';
    const item = h(
      'li',
      { class: `log-entry log-${event.type}`, 'data-event': event.type },
      h('span', { class: 'log-meta' }, h('code', { class: 'log-type' }, event.type), ` from <${source}> at ${clockTime(Date.now())}`),
      h('pre', { class: 'log-detail' }, JSON.stringify(redact(event.detail), null, 2)),
    );
    this.#list.prepend(item);
    this.#empty.hidden = true;
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#empty.hidden = false;
  }
}
