import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { Readable } from 'node:stream';
import { knownText } from './text-response.js';

/**
 * Adapts a fetch-standard handler to Node's `http` module, so the same handler serves the emulator,
 * the server proxy, and whatever framework mounts them.
 */

export type FetchHandler = (request: Request) => Promise<Response>;

export interface NodeHandlerOptions {
  /**
   * Called with anything the handler throws. The client only ever sees a bare 500: stack traces and
   * messages can carry paths, tokens or internals.
   */
  onError?: (error: unknown) => void;
}

/** `Host` is what the client dialled, so URLs built from `request.url` point back where it came from. */
function requestUrl(req: IncomingMessage): string {
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const host = req.headers.host ?? `${req.socket.localAddress ?? 'localhost'}:${req.socket.localPort ?? ''}`;
  return `${encrypted ? 'https' : 'http'}://${host}${req.url ?? '/'}`;
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    // HTTP/2 pseudo-headers (`:path`) are not legal header names for fetch.
    if (!raw[i]!.startsWith(':')) headers.append(raw[i]!, raw[i + 1]!);
  }
  return headers;
}

/**
 * A `Request` whose `signal` is the adapter's own. Given a signal in its init, fetch's `Request`
 * follows it through a second controller, a weak reference and a finalization registry: about
 * 90 µs a request, more than the rest of the request's construction (issue 15).
 */
class NodeRequest extends Request {
  readonly #signal: AbortSignal;

  constructor(url: string, init: RequestInit, signal: AbortSignal) {
    super(url, init);
    this.#signal = signal;
  }

  override get signal(): AbortSignal {
    return this.#signal;
  }

  override clone(): Request {
    return Object.defineProperty(super.clone(), 'signal', { value: this.#signal });
  }
}

function nodeRequest(url: string, init: RequestInit, signal: AbortSignal | undefined): Request {
  return signal ? new NodeRequest(url, init, signal) : new Request(url, init);
}

export function toRequest(req: IncomingMessage, signal?: AbortSignal): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(req) };
  if (hasBody) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    // Required by Node's fetch for a streamed body; the request is read while it arrives.
    init.duplex = 'half';
  }
  return nodeRequest(requestUrl(req), init, signal);
}

/** Largest answer sent in one piece; anything bigger, or of unknown length and type, streams. */
const ONE_PIECE_MAX = 1 << 20;

/**
 * Whether to stream the body as it comes: an event stream, a declared length over
 * `ONE_PIECE_MAX`, or a body of unknown length that is neither JSON, text nor a form (the
 * handlers here answer small JSON and HTML, built in memory).
 */
function streams(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('event-stream')) return true;
  const length = response.headers.get('content-length');
  if (length !== null) return Number(length) > ONE_PIECE_MAX;
  return !/json|^text\/|form-urlencoded/.test(type);
}

/**
 * The request with its body read first when it is small and of declared length (what browsers
 * and fetch send for JSON and forms), so the handler gets a plain buffer; otherwise `toRequest`'s
 * stream.
 */
async function readRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const length = Number(req.headers['content-length']);
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || !Number.isInteger(length) || length > ONE_PIECE_MAX) return toRequest(req, signal);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return nodeRequest(requestUrl(req), { method, headers: requestHeaders(req), body: Buffer.concat(chunks) }, signal);
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  // `forEach` joins repeated Set-Cookie headers with commas, which breaks cookies with dates in them.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // Asked first: asking for `body` would build the stream a string-built answer does without.
  const text = method === 'HEAD' ? undefined : knownText(response);
  if ((text !== undefined || (response.body && method !== 'HEAD')) && !streams(response)) {
    // A small answer in one piece with its length: no chunked encoding, no stream to pump
    // (issue 15: the chunked conversion cost most of the adapter's time per request).
    // A string goes out in the same write as the head (Node joins them); a buffer would take a
    // second one.
    const body = text ?? Buffer.from(await response.arrayBuffer());
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    res.writeHead(response.status, response.statusText || undefined, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

function fail(res: ServerResponse, error: unknown, options: NodeHandlerOptions): void {
  options.onError?.(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal Server Error');
}

/**
 * What fetch's `Request` cannot represent (a forbidden method such as TRACE, a `Host` that is no
 * authority: `a b`, `[`, port 99999) is the client's fault: a typed 4xx here, not a 500 from the throw.
 */
async function toRequestOrRefusal(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<Request | undefined> {
  try {
    return await readRequest(req, signal);
  } catch {
    const forbidden = /^(CONNECT|TRACE|TRACK)$/i.test(req.method ?? '');
    const [status, error, description] = forbidden
      ? [405, 'method_not_allowed', 'This method is not served.']
      : [400, 'invalid_request', 'The request line or Host header is malformed.'];
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error, error_description: description }));
    req.resume();
    return undefined;
  }
}

export function toNodeHandler(
  handler: FetchHandler,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // Aborts the handler's work (a long poll, an upstream fetch) when the client goes away.
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const request = await toRequestOrRefusal(req, res, controller.signal);
        if (!request) return;
        const response = await handler(request);
        await writeResponse(response, res, req.method ?? 'GET');
      } catch (error) {
        fail(res, error, options);
      }
    })();
  };
}

export interface ListenOptions extends NodeHandlerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`: nothing here is meant to face a network by accident. */
  host?: string;
  /** PEM key and certificate: serve HTTPS (the URL then starts with `https://`). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface Listening {
  /** `http(s)://host:port`, no trailing slash. */
  url: string;
  server: Server;
  /** Stops accepting, drops idle keep-alive connections, and resolves when the server is closed. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export function listenNode(handler: FetchHandler, options: ListenOptions = {}): Promise<Listening> {
  const { port = 0, host = '127.0.0.1', tls, ...handlerOptions } = options;
  const listener = toNodeHandler(handler, handlerOptions);
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `${tls ? 'https' : 'http'}://${urlHost(host)}:${actualPort}`,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
