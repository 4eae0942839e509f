/**
 * Responses this package builds from a string remember it, so the Node adapter writes the string
 * without reading the web stream back (issue 15: the stream read, per request, on the proxy's and the
 * emulator's hot path). A response built anywhere else, or whose body was read, is read as usual.
 */
const texts = new WeakMap<Response, string>();

export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/** The string `response` was built from, while its body is still unread. */
export function knownText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}
