import { sixDigits } from './random.js';

export type OutboxChannel = 'sms' | 'voice' | 'email';

export interface OutboxMessage {
  id: number;
  user_id: string;
  channel: OutboxChannel;
  to: string;
  code: string;
  text: string;
  /** Epoch milliseconds. */
  at: number;
}

/** Where SMS, voice calls and emails "arrive", so that tests and people can read the codes. */
export class Outbox {
  readonly #messages: OutboxMessage[] = [];
  #nextId = 1;

  constructor(
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends a fresh 6-digit code and returns it. */
  send(userId: string, channel: OutboxChannel, to: string): string {
    const code = sixDigits();
    const text =
      channel === 'voice'
        ? `Your verification code is ${code.split('').join(' ')}.`
        : `Your verification code is ${code}. It expires in 5 minutes.`;
    this.#messages.push({ id: this.#nextId++, user_id: userId, channel, to, code, text, at: this.now() });
    this.log(`[outbox] ${channel} to ${to}: ${code}`);
    return code;
  }

  list(filter: { userId?: string; to?: string; channel?: string }): OutboxMessage[] {
    return this.#messages.filter(
      (m) =>
        (filter.userId === undefined || m.user_id === filter.userId) &&
        (filter.to === undefined || m.to === filter.to) &&
        (filter.channel === undefined || m.channel === filter.channel),
    );
  }
}
