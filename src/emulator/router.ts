import { parseParams, type Params } from './http.js';
import type { World } from './world.js';

/** One request as the routes see it: the body is read once, up front, so faults can match on it. */
export class Call {
  readonly url: URL;
  /** Where the client reached us; base URL and audiences derive from it. */
  readonly origin: string;
  /** Set once a token or username identified the user, for the request log. */
  userId?: string;
  #params?: Params;

  constructor(
    readonly request: Request,
    readonly text: string,
  ) {
    this.url = new URL(request.url);
    this.origin = this.url.origin;
  }

  get method(): string {
    return this.request.method.toUpperCase();
  }

  /** Body parameters (form or JSON); throws `invalid_request` on a malformed body. */
  params(): Params {
    this.#params ??= parseParams(this.text, this.request.headers.get('content-type'));
    return this.#params;
  }

  /** Like `params()`, but an unparsable body is treated as empty (for best-effort peeking). */
  peekParams(): Params {
    try {
      return this.params();
    } catch {
      return {};
    }
  }
}

export type Handler = (call: Call, world: World, path: Record<string, string>) => Response | Promise<Response>;

export interface Route {
  method: string;
  /** Segments starting with `:` capture one URL-decoded segment. */
  path: string;
  handle: Handler;
}

export type RouteMatch = { route: Route; path: Record<string, string> } | 'method_not_allowed' | undefined;

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const captured: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(':')) {
      try {
        captured[segment.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        return undefined;
      }
      if (captured[segment.slice(1)] === '') return undefined;
    } else if (segment !== got[i]) {
      return undefined;
    }
  }
  return captured;
}

/** 405 when the path exists under another method: proxies read 404/405 as "capability absent". */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  let pathExists = false;
  for (const route of routes) {
    const path = matchPath(route.path, pathname);
    if (!path) continue;
    if (route.method === method) return { route, path };
    pathExists = true;
  }
  return pathExists ? 'method_not_allowed' : undefined;
}
