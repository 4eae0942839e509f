import { invalidRequest, json, type Params } from './http.js';

/** A canned failure for the next matching requests, so clients can be tested against bad days. */
export interface FaultSpec {
  /** Path prefix, e.g. `/mfa/` or `/oauth/token`. */
  path: string;
  method?: string;
  user_id?: string;
  /** How many matching requests get it; default 1, `-1` until cleared. */
  times?: number;
  /** Default 500 when the fault replaces the response. */
  status?: number;
  latencyMs?: number;
  body?: 'malformed' | 'html' | 'empty' | Record<string, unknown>;
  headers?: Record<string, string>;
}

interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

export function parseFault(params: Params): FaultSpec {
  const { path, method, user_id, times, status, latencyMs, body, headers } = params;
  if (typeof path !== 'string' || !path.startsWith('/')) throw invalidRequest('path must start with /.');
  const optional = (value: unknown, type: string) => value === undefined || typeof value === type;
  if (!optional(method, 'string') || !optional(user_id, 'string')) throw invalidRequest('method and user_id must be strings.');
  for (const [name, value] of Object.entries({ times, status, latencyMs })) {
    if (value !== undefined && !Number.isInteger(value)) throw invalidRequest(`${name} must be an integer.`);
  }
  if (status !== undefined && ((status as number) < 200 || (status as number) > 599)) throw invalidRequest('status must be 200–599.');
  const namedBody = body === 'malformed' || body === 'html' || body === 'empty';
  if (body !== undefined && !namedBody && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw invalidRequest("body must be 'malformed', 'html', 'empty' or an object.");
  }
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw invalidRequest('headers must map names to strings.');
  }
  const spec = params as unknown as FaultSpec;
  // Refused now rather than as a 500 on every matching request later: a body on a null-body
  // status (204, 205, 304), a header fetch's Headers cannot hold.
  try {
    faultResponse(spec);
  } catch (error) {
    throw invalidRequest(`This fault cannot be served: ${error instanceof Error ? error.message : 'invalid'}.`);
  }
  return spec;
}

export class Faults {
  #faults: Fault[] = [];
  #nextId = 1;

  add(spec: FaultSpec): string {
    const id = `fault_${this.#nextId++}`;
    this.#faults.push({ ...spec, id, remaining: spec.times ?? 1 });
    return id;
  }

  clear(): void {
    this.#faults = [];
  }

  /** Removes one fault; false when it was already spent or never existed. */
  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.id !== id);
    return this.#faults.length < before;
  }

  /**
   * The first fault for this request, spent by one use. `userId` is a function because finding the
   * user costs a token lookup that most requests do not need. Preflights are left alone unless a
   * fault names OPTIONS, since a failed preflight only shows as an opaque network error.
   */
  take(method: string, path: string, userId: () => string | undefined): FaultSpec | undefined {
    const fault = this.#faults.find(
      (f) =>
        path.startsWith(f.path) &&
        (f.method ? f.method.toUpperCase() === method : method !== 'OPTIONS') &&
        (f.user_id === undefined || f.user_id === userId()),
    );
    if (!fault) return undefined;
    if (fault.remaining > 0 && --fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault;
  }
}

/** The response a fault stands in for, or undefined when it only adds latency. */
export function faultResponse(fault: FaultSpec): Response | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 500;
  const headers = new Headers(fault.headers);
  const set = (type: string) => headers.has('content-type') || headers.set('content-type', type);
  switch (fault.body) {
    case 'empty':
      return new Response(null, { status: status === 204 ? 204 : status, headers });
    case 'malformed':
      set('application/json');
      return new Response('{"error":"server_error","error_descr', { status, headers });
    case 'html':
      set('text/html; charset=utf-8');
      return new Response(
        `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>Injected by the emulator.</p></body></html>`,
        { status, headers },
      );
    case undefined:
      return json({ error: 'server_error', error_description: 'Fault injected by the emulator.' }, status, headers);
    default:
      return json(fault.body, status, headers);
  }
}
