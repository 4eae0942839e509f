/**
 * An in-memory `MfaSource` for the framework-example tests: they check bindings and events, not
 * the protocol (which the element tests cover against the emulator). Every call is recorded.
 */
import type {
  Authenticator,
  Challenge,
  ChallengeRequest,
  EnrollRequest,
  Enrollment,
  MfaSource,
  VerifyRequest,
  VerifyResult,
} from '../../src/core/types.js';

/** The key `enroll({factor: 'otp'})` hands out (RFC 6238's test secret, base32). */
export const OTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export interface Call {
  method: 'listAuthenticators' | 'enroll' | 'remove' | 'challenge' | 'verify';
  arg?: unknown;
}

export class FakeSource implements MfaSource {
  readonly calls: Call[] = [];
  /** Methods whose next call rejects with this error (once). */
  readonly #failures = new Map<Call['method'], Error>();
  #authenticators: Authenticator[] = [
    {
      id: 'totp|dev_app',
      authenticatorType: 'otp',
      factor: 'otp',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      linkedIds: [],
      removable: true,
    },
    {
      id: 'sms|dev_phone',
      authenticatorType: 'oob',
      oobChannel: 'sms',
      factor: 'sms',
      active: true,
      name: 'XXXXXXXX0123',
      createdAt: '2026-01-02T00:00:00.000Z',
      linkedIds: [],
      removable: true,
    },
  ];

  async listAuthenticators(): Promise<Authenticator[]> {
    this.calls.push({ method: 'listAuthenticators' });
    return this.#authenticators.map((a) => ({ ...a, linkedIds: [...a.linkedIds] }));
  }

  async enroll(req: EnrollRequest): Promise<Enrollment> {
    this.calls.push({ method: 'enroll', arg: req });
    if (req.factor !== 'otp' || 'mode' in req) throw new Error(`FakeSource: cannot enroll ${JSON.stringify(req)}`);
    // One pending (inactive) authenticator app until a code confirms it.
    this.#authenticators = this.#authenticators.filter((a) => a.active);
    this.#authenticators.push({
      id: 'totp|dev_new',
      authenticatorType: 'otp',
      factor: 'otp',
      active: false,
      createdAt: '2026-03-01T00:00:00.000Z',
      linkedIds: [],
      removable: true,
    });
    return {
      type: 'otp',
      factor: 'otp',
      secret: OTP_SECRET,
      barcodeUri: `otpauth://totp/Example:alice%40example.com?secret=${OTP_SECRET}&issuer=Example`,
    };
  }

  /** Makes the next call of `method` reject with `error`. */
  failNext(method: Call['method'], error: Error): void {
    this.#failures.set(method, error);
  }

  #failure(method: Call['method']): void {
    const error = this.#failures.get(method);
    this.#failures.delete(method);
    if (error) throw error;
  }

  async remove(authenticatorId: string): Promise<void> {
    this.calls.push({ method: 'remove', arg: authenticatorId });
    this.#failure('remove');
    const gone = this.#authenticators.find((a) => a.id === authenticatorId);
    if (!gone) throw new Error(`FakeSource: no authenticator ${authenticatorId}`);
    this.#authenticators = this.#authenticators.filter((a) => a !== gone && !gone.linkedIds.includes(a.id));
  }

  async challenge(req: ChallengeRequest): Promise<Challenge> {
    this.calls.push({ method: 'challenge', arg: req });
    return { challengeType: 'otp' };
  }

  /** Accepts any code; the first code after an `enroll` confirms the pending authenticator. */
  async verify(req: VerifyRequest): Promise<VerifyResult> {
    this.calls.push({ method: 'verify', arg: req });
    this.#authenticators = this.#authenticators.map((a) => (a.active ? a : { ...a, active: true }));
    return {};
  }

  /** The arguments of every call of one method, in order. */
  argsOf(method: Call['method']): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.arg);
  }
}
