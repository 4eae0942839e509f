import type { Locales, StringTable, Template } from '../../i18n/localize.js';

/** Text every element shares: actions and the message for each error code. */
export const commonEn = {
  retry: 'Try again',
  cancel: 'Cancel',
  back: 'Back',
  close: 'Close',
  continue: 'Continue',
  copy: 'Copy',
  copied: 'Copied',
  loading: 'Loading…',
  /** Two whole sentences said or shown together (no space between them in Japanese or Chinese). */
  sentences: '{first} {second}',
  /** A service and the account in it, as a QR code's label and the recovery file name them. */
  issuerAccount: '{issuer} – {account}',
  /** A step's heading said before its text, as one announcement. */
  headingAndText: '{heading}. {text}',
  noSource:
    'No data source: place this element inside <mfa-provider> or set its source property.',
  waitSeconds: 'Try again {seconds:in}.',
  attemptsLeft: { plural: 'count', one: '{count} attempt left.', other: '{count} attempts left.' },
  'error.network_error': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.bad_response': 'The server sent an answer that could not be read. Try again later.',
  'error.server_unavailable': 'The service is unavailable right now. Try again later.',
  'error.server_error': 'The service is unavailable right now. Try again later.',
  'error.rate_limited': 'Too many requests. Wait a moment and try again.',
  'error.too_many_requests': 'Too many requests. Wait a moment and try again.',
  'error.too_many_attempts': 'Too many failed attempts. Wait before trying again.',
  'error.invalid_grant': 'That code is not correct, or it has expired.',
  'error.expired_token': 'Your session has expired. Sign in again to continue.',
  'error.invalid_token': 'Your session is no longer valid. Sign in again to continue.',
  'error.mfa_required': 'Another verification step is required.',
  'error.access_denied': 'The request was denied.',
  'error.already_enrolled':
    'You already have an authenticator. Verify with it first, then add another one.',
  'error.unsupported_challenge_type': 'None of your authenticators can be used here. Enroll one first.',
  'error.association_required': 'You have no authenticator yet. Enroll one first.',
  'error.invalid_authenticator': 'That authenticator no longer exists.',
  'error.invalid_request': 'The request was refused. Check what you entered.',
  'error.invalid_input': 'Check what you entered.',
  'error.invalid_uri': 'The server sent an address that is not safe to open.',
  'error.popup_blocked': 'Your browser blocked the window. Use the link to open it.',
  'error.unsupported': 'This is not available here.',
  'error.no_source': 'No data source is configured.',
  'error.aborted': 'Cancelled.',
  'error.generic': 'Something went wrong. Try again.',
} satisfies StringTable;

export type CommonStrings = Record<keyof typeof commonEn, Template>;

/** English is built in; other languages register under the `common` namespace (src/locales/). */
export const commonStrings: Locales<CommonStrings> = { en: commonEn };
