/** A scripted fetch for the sources' Node tests: answers by `METHOD path` and records what was sent. */
import type { FetchLike } from '../../src/core/types.js';

export interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body?: unknown;
  credentials?: RequestCredentials;
}

export type Answer = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> };

/** Answers by `METHOD path`; anything unscripted is a framework 404 page. */
export function scripted(routes: Record<string, Answer | ((sent: Sent) => Answer)>): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const entry: Sent = {
      url: input,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      ...(typeof init.body === 'string' && { body: JSON.parse(init.body) }),
      ...(init.credentials && { credentials: init.credentials }),
    };
    sent.push(entry);
    const route = routes[`${entry.method} ${new URL(input, 'http://app.test').pathname}`];
    const answer = typeof route === 'function' ? route(entry) : route;
    if (!answer) return new Response('<html>404: This page could not be found.</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    const body = answer.json !== undefined ? JSON.stringify(answer.json) : answer.text || null;
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return { fetch, sent };
}
