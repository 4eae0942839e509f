import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The proxy's default way to Auth0: Node's own HTTP client on keep-alive agents. Node's `fetch`
 * cost the proxy most of its time per request (issue 15: WHATWG streams, a `Request` and a
 * `Response` per call, three quarters of the proxy's JavaScript under load) for an answer that is a
 * few hundred bytes of JSON; this is what a bare `node:http` forwarder does.
 */

export interface UpstreamRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** An answer read to its end: status, headers, and the body decoded as UTF-8. */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export type Transport = (url: string, init: UpstreamRequest) => Promise<UpstreamAnswer>;

/**
 * Largest answer read. Auth0's are JSON of a few kilobytes; anything past this is no answer of
 * theirs, and reading it would let the upstream (or whoever sits in its place) fill our memory.
 */
export const MAX_ANSWER_BYTES = 1 << 20;

export class AnswerTooLarge extends Error {
  override readonly name = 'AnswerTooLarge';
  constructor() {
    super(`upstream answer over ${MAX_ANSWER_BYTES} bytes`);
  }
}

// One connection pool per scheme for the whole process: every proxy instance talks to the same
// few hosts, and a socket kept open saves the TCP (and TLS) handshake on the next call.
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** Methods that may be sent again when a kept-alive socket turns out to be closed by the other end. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']);

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function readAnswer(res: IncomingMessage): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    if (Number(res.headers['content-length']) > MAX_ANSWER_BYTES) {
      res.destroy();
      reject(new AnswerTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        res.destroy();
        reject(new AnswerTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    res.on('error', reject);
    // A socket closed mid-body (or an abort) ends in `close` without `end`.
    res.once('close', () => {
      if (!res.complete) reject(new Error('upstream closed the connection mid-answer'));
    });
    res.once('end', () => {
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      // As fetch's text() does: a byte-order mark is not part of the text.
      resolve({ status: res.statusCode ?? 502, headers: headersOf(res), text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
    });
  });
}

function once(url: URL, init: UpstreamRequest): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = init.body === undefined ? init.headers : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
    const request: ClientRequest = send(url, { method: init.method, headers, agent: agents[url.protocol as 'http:' | 'https:'], signal: init.signal }, (res) => {
      readAnswer(res).then(resolve, reject);
    });
    request.on('error', (error: Error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    request.end(init.body);
  });
}

/**
 * One request, redirects not followed (a 3xx comes back as it is, like fetch's `redirect: 'manual'`).
 * An idempotent request that met a kept-alive socket the server had just closed is sent once more
 * on a fresh one, as Node's documentation advises (`request.reusedSocket`).
 */
export const nodeTransport: Transport = async (href, init) => {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported upstream scheme ${url.protocol}`);
  try {
    return await once(url, init);
  } catch (error) {
    const stale = (error as { reusedSocket?: boolean; code?: string }).reusedSocket === true && (error as { code?: string }).code === 'ECONNRESET';
    if (!stale || !IDEMPOTENT.has(init.method) || init.signal.aborted) throw error;
    return once(url, init);
  }
};
