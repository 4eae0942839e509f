export interface LoggedRequest {
  method: string;
  path: string;
  /** Epoch milliseconds on the emulator's clock. */
  at: number;
  status: number;
  user_id?: string;
  /** Auth0's `error` (or the Management API's `errorCode`) when the answer was one. */
  error?: string;
  /** The answer came from an injected fault. */
  fault?: boolean;
}

/** How many requests the log keeps by default: hours of a test run, a few MiB at most. */
export const REQUEST_LOG_CAPACITY = 10_000;

/**
 * What clients sent, for tests that check behaviour over time (push polling pace, retries).
 * A ring buffer: the newest `capacity` requests, oldest first, so a long-running emulator keeps a
 * bounded memory (it grew without bound before: 59 to 125 MiB over 30,000 requests).
 */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];
  readonly #capacity: number;
  /** Where the oldest entry is once the buffer is full (the next one to overwrite). */
  #start = 0;

  constructor(capacity = REQUEST_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity: expected a positive integer');
    this.#capacity = capacity;
  }

  add(entry: LoggedRequest): void {
    if (this.#entries.length < this.#capacity) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[this.#start] = entry;
    this.#start = (this.#start + 1) % this.#capacity;
  }

  /** The kept requests, oldest first, of one user or of all. */
  list(userId?: string): LoggedRequest[] {
    const ordered = this.#start === 0 ? this.#entries : [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)];
    return ordered.filter((e) => userId === undefined || e.user_id === userId);
  }
}

/** The error code inside an error response, read from a copy so the body still reaches the client. */
export async function errorCodeOf(response: Response): Promise<string | undefined> {
  if (response.status < 400 || !response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    const body = (await response.clone().json()) as { error?: unknown; errorCode?: unknown };
    const code = body.errorCode ?? body.error;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
