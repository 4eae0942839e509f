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

/** What clients sent, for tests that check behaviour over time (push polling pace, retries). */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
  }

  list(userId?: string): LoggedRequest[] {
    return this.#entries.filter((e) => userId === undefined || e.user_id === userId);
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
