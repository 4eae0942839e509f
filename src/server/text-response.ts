/**
 * Responses this package builds from a string remember it, so the Node adapter writes the string
 * without reading the web stream back (issue 15: the stream read, per request, on the proxy's and the
 * emulator's hot path). A response built anywhere else, or whose body was read, is read as usual.
 *
 * Building the stream is itself the cost (fetch's `Response` makes a `ReadableStream` for a string
 * body: about 75 µs, ten times the rest of the response), so it is built only when someone reads
 * the body: a framework mounting the handler, a test. The Node adapter never does.
 */
const texts = new WeakMap<Response, string>();
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

class TextResponse extends Response {
  readonly #text: string;
  #built?: Response;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    // As `new Response(text)` refuses: a body on a status that has none.
    if (NULL_BODY.has(this.status)) throw new TypeError(`Response constructor: Invalid response status code ${this.status}`);
    this.#text = text;
    // What `new Response(text)` would have said.
    if (!this.headers.has('content-type')) this.headers.set('content-type', 'text/plain;charset=UTF-8');
  }

  /** The same answer with its body as a stream, made on the first read. */
  #body(): Response {
    return (this.#built ??= new Response(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers }));
  }

  override get body(): Response['body'] {
    return this.#body().body;
  }

  override get bodyUsed(): boolean {
    return this.#built?.bodyUsed ?? false;
  }

  override text(): Promise<string> {
    return this.#body().text();
  }

  override json(): Promise<unknown> {
    return this.#body().json();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#body().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#body().blob();
  }

  override formData(): Promise<FormData> {
    return this.#body().formData();
  }

  override clone(): Response {
    // Once the stream exists it may be locked or read: the platform's clone says so.
    return this.#built ? this.#built.clone() : textResponse(this.#text, this);
  }
}

export function textResponse(text: string, init: ResponseInit): Response {
  const response = new TextResponse(text, init);
  texts.set(response, text);
  return response;
}

/** The string `response` was built from, while its body is still unread. */
export function knownText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}
