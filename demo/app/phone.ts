/**
 * The demo phone: what the emulator "sent" to the signed-in user (SMS, voice and email codes,
 * newest first) and its push requests with Approve / Reject, read from the emulator's control
 * routes every 1.5 s while the page is visible. Rows are keyed and kept, so a poll never moves
 * the keyboard focus; new messages are announced by the list's live region.
 */
import { clockTime, h } from './dom.js';

export const POLL_MS = 1500;
/** Messages shown (newest first); older ones drop off, as on a phone's lock screen. */
export const MAX_MESSAGES = 4;

interface OutboxMessage {
  id: string;
  channel: 'sms' | 'voice' | 'email';
  to: string;
  code: string;
  text: string;
  at: number;
}

interface PushRequest {
  oob_code: string;
  kind: 'enroll' | 'challenge';
  created_at: number;
  expires_at: number;
  status: 'pending' | 'approved' | 'rejected';
}

const CHANNEL: Record<OutboxMessage['channel'], string> = { sms: 'Text message', voice: 'Voice call', email: 'Email' };
const PUSH_KIND: Record<PushRequest['kind'], string> = { enroll: 'Pair this phone (push enrollment)', challenge: 'Sign-in request' };
const PUSH_STATUS: Record<PushRequest['status'], string> = { pending: 'Waiting for you', approved: 'Approved', rejected: 'Rejected' };

export interface PhoneElements {
  outbox: HTMLOListElement;
  outboxEmpty: HTMLElement;
  push: HTMLUListElement;
  pushEmpty: HTMLElement;
  status: HTMLElement;
}

export class DemoPhone {
  readonly #emulatorUrl: string;
  readonly #ui: PhoneElements;
  #userId?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #polling = false;
  readonly #messages = new Map<string, HTMLLIElement>();
  readonly #pushes = new Map<string, { item: HTMLLIElement; status: PushRequest['status'] }>();
  /** The push the visitor just answered: its row takes the focus when it shows the outcome. */
  #answered?: string;

  constructor(emulatorUrl: string, ui: PhoneElements) {
    this.#emulatorUrl = emulatorUrl;
    this.#ui = ui;
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) this.#pause();
      else this.#schedule(0);
    });
  }

  /** Shows this user's phone (and forgets the previous user's). */
  start(userId: string): void {
    this.stop();
    this.#userId = userId;
    this.#schedule(0);
  }

  stop(): void {
    this.#pause();
    this.#userId = undefined;
    this.#messages.clear();
    this.#pushes.clear();
    this.#ui.outbox.replaceChildren();
    this.#ui.push.replaceChildren();
    this.#ui.outboxEmpty.hidden = false;
    this.#ui.pushEmpty.hidden = false;
    this.#ui.status.textContent = '';
  }

  /** Reads both lists now (after a click here, or from the timer). */
  async refresh(): Promise<void> {
    const userId = this.#userId;
    if (!userId || this.#polling) return;
    this.#polling = true;
    try {
      const query = `?user_id=${encodeURIComponent(userId)}`;
      const [outbox, pushes] = await Promise.all([
        this.#get<OutboxMessage[]>(`/__emulator/outbox${query}`),
        this.#get<PushRequest[]>(`/__emulator/push${query}`),
      ]);
      if (userId !== this.#userId) return; // signed out meanwhile
      this.#renderOutbox(outbox);
      this.#renderPushes(pushes);
    } catch {
      this.#ui.status.textContent = 'The emulator does not answer; retrying.';
    } finally {
      this.#polling = false;
    }
  }

  #schedule(delay: number): void {
    this.#pause();
    if (!this.#userId || document.hidden) return;
    this.#timer = setTimeout(async () => {
      await this.refresh();
      this.#schedule(POLL_MS);
    }, delay);
  }

  #pause(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #get<T>(path: string): Promise<T> {
    const response = await fetch(this.#emulatorUrl + path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  #renderOutbox(messages: OutboxMessage[]): void {
    // The emulator lists oldest first; the phone shows the newest on top.
    for (const message of messages) {
      if (this.#messages.has(message.id)) continue;
      const item = h(
        'li',
        { class: `message message-${message.channel}`, 'data-channel': message.channel },
        h('span', { class: 'message-meta' }, `${CHANNEL[message.channel]} to ${message.to}, ${clockTime(message.at)}`),
        h('span', { class: 'message-code' }, h('span', { class: 'sr-only' }, 'Code: '), h('strong', { class: 'code', 'data-code': message.code }, message.code)),
        h('span', { class: 'message-text' }, message.text),
      );
      this.#messages.set(message.id, item);
      this.#ui.outbox.prepend(item);
    }
    while (this.#ui.outbox.children.length > MAX_MESSAGES) this.#ui.outbox.lastElementChild!.remove();
    this.#ui.outboxEmpty.hidden = this.#messages.size > 0;
    this.#ui.status.textContent = '';
  }

  #renderPushes(pushes: PushRequest[]): void {
    const now = Date.now();
    // Live requests, plus the ones answered in the last five minutes (so a click shows its outcome).
    const shown = pushes.filter((p) => (p.status === 'pending' ? p.expires_at > now : p.created_at > now - 5 * 60_000)).slice(-5);
    const keep = new Set(shown.map((p) => p.oob_code));
    for (const [code, row] of this.#pushes) {
      if (!keep.has(code)) {
        row.item.remove();
        this.#pushes.delete(code);
      }
    }
    for (const push of shown) {
      const row = this.#pushes.get(push.oob_code);
      if (row && row.status === push.status) continue;
      const item = this.#pushRow(push);
      if (row) {
        const focus = row.item.contains(document.activeElement) || this.#answered === push.oob_code;
        row.item.replaceWith(item);
        if (focus) item.focus();
        if (this.#answered === push.oob_code) this.#answered = undefined;
      } else {
        this.#ui.push.prepend(item);
      }
      this.#pushes.set(push.oob_code, { item, status: push.status });
    }
    this.#ui.pushEmpty.hidden = this.#pushes.size > 0;
  }

  #pushRow(push: PushRequest): HTMLLIElement {
    const label = `${PUSH_KIND[push.kind]}, ${clockTime(push.created_at)}`;
    const answer = (verb: 'approve' | 'reject') => async (event: Event) => {
      const item = (event.currentTarget as HTMLElement).closest('li')!;
      if (item.dataset.busy) return;
      // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
      item.dataset.busy = 'true';
      for (const button of item.querySelectorAll('button')) button.setAttribute('aria-disabled', 'true');
      this.#answered = push.oob_code;
      const response = await fetch(`${this.#emulatorUrl}/__emulator/push/${encodeURIComponent(push.oob_code)}/${verb}`, { method: 'POST' }).catch(() => undefined);
      if (!response?.ok) this.#ui.status.textContent = `Could not ${verb} the push request (it may have expired).`;
      await this.refresh();
    };
    const pending = push.status === 'pending';
    return h(
      'li',
      { class: `push push-${push.status}`, 'data-status': push.status, tabindex: '-1' },
      h('span', { class: 'push-label' }, label),
      h('span', { class: 'push-status' }, PUSH_STATUS[push.status]),
      pending
        ? h(
            'span',
            { class: 'push-actions' },
            h('button', { type: 'button', class: 'approve', 'aria-label': `Approve: ${label}`, onclick: answer('approve') }, 'Approve'),
            h('button', { type: 'button', class: 'reject secondary', 'aria-label': `Reject: ${label}`, onclick: answer('reject') }, 'Reject'),
          )
        : null,
    );
  }
}
