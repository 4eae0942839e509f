// Shared by the four framework examples (examples/vue, svelte, react, angular): the options their
// `mount(target, options)` takes, and the event-log line each renders for an element's event.
import type { MfaSource } from 'mfa-elements/core.js';
import type { MfaEnrollDetail, MfaErrorDetail, MfaRemoveDetail } from 'mfa-elements/mfa-enrollment.js';
import type { MfaVerifiedDetail } from 'mfa-elements/mfa-verify.js';

/** What the page (or a test) hands to the app. */
export interface ExampleOptions {
  /** Any `MfaSource` (a custom backend, a test double); wins over `proxyUrl`. */
  source?: MfaSource;
  /** Proxy mode: the base URL of the server routes (`createMfaProxy` from mfa-elements/server.js). */
  proxyUrl?: string;
  /** Partial text overrides, per element. */
  strings?: {
    verify?: Record<string, string>;
    enrollment?: Record<string, string>;
    otpEnroll?: Record<string, string>;
  };
}

/** One line of the event log. */
export interface LogEntry {
  id: number;
  type: string;
  text: string;
}

/** A short line for the event log, from the event's `detail`. */
export function describeEvent(event: Event): string {
  const detail: unknown = (event as CustomEvent).detail;
  switch (event.type) {
    case 'mfa-verified': {
      const d = detail as MfaVerifiedDetail;
      return `${d.method}${d.authenticator ? ` with ${d.authenticator.id}` : ''}`;
    }
    case 'mfa-enroll': {
      const d = detail as MfaEnrollDetail;
      return `${d.factor}${d.authenticator ? ` as ${d.authenticator.id}` : ''}`;
    }
    case 'mfa-remove': {
      const d = detail as MfaRemoveDetail;
      return `${d.factor} ${d.authenticatorId}${d.linkedIds.length ? ` (and ${d.linkedIds.join(', ')})` : ''}`;
    }
    case 'mfa-error': {
      const d = detail as MfaErrorDetail;
      return `${d.action}: ${d.error.code}`;
    }
    default:
      return '';
  }
}
