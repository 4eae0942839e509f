import { opaqueToken } from './random.js';

export type OobChannel = 'sms' | 'voice' | 'email' | 'auth0';
export type PushStatus = 'pending' | 'approved' | 'rejected';

/** One `oob_code`: a code sent by SMS/voice/email, or a push waiting for the device's answer. */
export interface OobTransaction {
  oobCode: string;
  userId: string;
  kind: 'enroll' | 'challenge';
  channel: OobChannel;
  authenticatorId: string;
  /** The code the user must type back (`binding_method: prompt`); absent for push. */
  bindingCode?: string;
  createdAt: number;
  expiresAt: number;
  /** Seconds required between two polls of this code. */
  interval: number;
  status: PushStatus;
  lastPollAt?: number;
}

export class OobStore {
  readonly #transactions = new Map<string, OobTransaction>();

  create(fields: Omit<OobTransaction, 'oobCode' | 'status'>): OobTransaction {
    const transaction: OobTransaction = { ...fields, oobCode: opaqueToken(24), status: 'pending' };
    this.#transactions.set(transaction.oobCode, transaction);
    return transaction;
  }

  get(oobCode: string): OobTransaction | undefined {
    return this.#transactions.get(oobCode);
  }

  /** Single use: once it has produced tokens it is gone. */
  consume(oobCode: string): void {
    this.#transactions.delete(oobCode);
  }

  pushes(userId?: string): OobTransaction[] {
    return [...this.#transactions.values()].filter(
      (t) => t.channel === 'auth0' && (userId === undefined || t.userId === userId),
    );
  }
}
