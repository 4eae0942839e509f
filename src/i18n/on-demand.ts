/**
 * A module fetched on demand (the QR library, a translation table, `<mfa-recovery-codes>`) that is
 * fetched again on the next need when a fetch failed (offline for a moment, a deploy in progress).
 *
 * Forgetting the rejected promise is not enough: Firefox (ESR 140 and 153) and Chromium 150 keep a failed
 * `import()` in the page's module map, so the same specifier fails again without a request. A
 * retry therefore imports the module under a fresh URL (`?mfa-retry=N`), which is a new entry in
 * that map. The URL is the one the browser names in its error (Chromium and Firefox do, and
 * bundlers' chunk names are only known there); WebKit names none, and fetches the same specifier
 * again anyway, so there the original import is repeated.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let attempt = 0;
  return () =>
    (pending ??= (failedUrl ? importFresh<T>(failedUrl, attempt) : load()).catch((error: unknown) => {
      pending = undefined;
      attempt += 1;
      failedUrl = moduleUrlIn(error) ?? failedUrl;
      throw error;
    }));
}

function importFresh<T>(url: string, attempt: number): Promise<T> {
  const fresh = new URL(url);
  fresh.searchParams.set('mfa-retry', String(attempt));
  return import(/* @vite-ignore */ /* webpackIgnore: true */ fresh.href) as Promise<T>;
}

/** The http(s) URL of the module a failed `import()` names, if the engine names one. */
export function moduleUrlIn(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const candidate = /\bhttps?:\/\/[^\s'"`<>]+/.exec(message)?.[0]?.replace(/[.,;:)]+$/, '');
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
