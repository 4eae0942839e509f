import { MfaError, untilAborted } from './errors.js';
import type {
  Authenticator,
  CallOptions,
  Challenge,
  ChallengeRequest,
  EnrollRequest,
  Enrollment,
  FactorInfo,
  MfaSource,
  SourceCapabilities,
  VerifyRequest,
  VerifyResult,
} from './types.js';

type Listener = () => void;

/**
 * Wraps one source so that every element under a provider shares its state: one list request
 * however many elements ask at once, a cached list until something changes it, and a change
 * notification after a remove or a successful verification (which is how enrollments become
 * active), so that the other elements refresh.
 */
export class SharedSource implements MfaSource {
  readonly inner: MfaSource;
  #list?: Promise<Authenticator[]>;
  #factors?: Promise<FactorInfo[]>;
  #listeners = new Set<Listener>();
  #generation = 0;

  constructor(inner: MfaSource) {
    this.inner = inner;
  }

  get capabilities(): Readonly<SourceCapabilities> | undefined {
    return this.inner.capabilities;
  }

  get hasAccessToken(): boolean | undefined {
    return this.inner.hasAccessToken;
  }

  /** Called after the shared state changed; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets cached lists and tells every subscriber to fetch again. */
  invalidate(): void {
    this.#generation++;
    this.#list = undefined;
    this.#factors = undefined;
    for (const listener of [...this.#listeners]) listener();
  }

  listAuthenticators(opts?: CallOptions): Promise<Authenticator[]> {
    if (!this.#list) this.#list = this.#shared(() => this.inner.listAuthenticators(), () => (this.#list = undefined));
    return detach(this.#list, opts?.signal);
  }

  get listFactors(): ((opts?: CallOptions) => Promise<FactorInfo[]>) | undefined {
    const inner = this.inner.listFactors?.bind(this.inner);
    if (!inner) return undefined;
    return (opts?: CallOptions) => {
      if (!this.#factors) this.#factors = this.#shared(() => inner(), () => (this.#factors = undefined));
      return detach(this.#factors, opts?.signal);
    };
  }

  get regenerateRecoveryCode(): ((opts?: CallOptions) => Promise<string>) | undefined {
    const inner = this.inner.regenerateRecoveryCode?.bind(this.inner);
    if (!inner) return undefined;
    return async (opts?: CallOptions) => {
      const code = await inner(opts);
      this.invalidate();
      return code;
    };
  }

  enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    return this.inner.enroll(req, opts);
  }

  async remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    await this.inner.remove(authenticatorId, opts);
    this.#changed((list) => list.filter((a) => a.id !== authenticatorId && !a.linkedIds.includes(authenticatorId)));
  }

  get rename(): MfaSource['rename'] {
    const inner = this.inner.rename?.bind(this.inner);
    return inner && (async (id, name, opts) => this.#put(await inner(id, name, opts)));
  }

  get setPreferredChannel(): MfaSource['setPreferredChannel'] {
    const inner = this.inner.setPreferredChannel?.bind(this.inner);
    return inner && (async (id, channel, opts) => this.#put(await inner(id, channel, opts)));
  }

  /** The method as the server now has it, in place of the cached one (or added). */
  #put(method: Authenticator): Authenticator {
    this.#changed((list) => (list.some((a) => a.id === method.id) ? list.map((a) => (a.id === method.id ? method : a)) : [...list, method]));
    return method;
  }

  /**
   * After a change: a source that says not to re-list (`relist: false`, the My Account API's few
   * requests a minute) has the cached list updated from what the change returned; any other is
   * invalidated. Subscribers are told either way.
   */
  #changed(update: (list: Authenticator[]) => Authenticator[]): void {
    if (this.inner.capabilities?.relist !== false) return this.invalidate();
    this.#generation++;
    const list = this.#list;
    if (list) {
      const next = list.then(update);
      this.#list = next;
      next.catch(() => {
        if (this.#list === next) this.#list = undefined;
      });
    }
    for (const listener of [...this.#listeners]) listener();
  }

  challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge> {
    return this.inner.challenge(req, opts);
  }

  async verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    const result = await this.inner.verify(req, opts);
    const method = result.authenticator;
    if (method) this.#put(method);
    else this.invalidate();
    return result;
  }

  /**
   * Starts a request no single caller owns (so one caller aborting cannot cancel it for the
   * others) and drops it from the cache when it fails, or when it finishes after an invalidation.
   */
  #shared<T>(start: () => Promise<T>, forget: () => void): Promise<T> {
    const generation = this.#generation;
    const promise = start();
    promise.catch(() => {
      if (generation === this.#generation) forget();
    });
    return promise;
  }
}

/** The shared promise, abandoned (not cancelled) when this caller's signal aborts. */
function detach<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  return untilAborted(promise, signal, () => new MfaError('aborted'));
}
