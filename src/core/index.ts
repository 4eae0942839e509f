/** The framework-free core: data sources, errors, polling, parsing and input checks. */
export type * from './types.js';
export { MfaError, toMfaError, isAbortError, parseRetryAfter } from './errors.js';
export type { Auth0ErrorCode, LocalErrorCode, MfaErrorCode, MfaErrorInit } from './errors.js';
export { request, errorFromResponse, DEFAULT_TIMEOUT_MS } from './http.js';
export type { HttpRequest } from './http.js';
export { MfaApiSource } from './api-source.js';
export type { MfaApiSourceOptions } from './api-source.js';
export { ProxySource, authenticatorsFromFactors, parseFactorList, parseVerifyResult, CSRF_HEADER, CSRF_VALUE } from './proxy-source.js';
export type { ProxySourceOptions } from './proxy-source.js';
export { pollOob, DEFAULT_POLL_INTERVAL_S, DEFAULT_POLL_EXPIRY_S, SLOW_DOWN_STEP_MS } from './poller.js';
export type { PollOptions, PollState, PollTimers } from './poller.js';
export { parseOtpauthUri, formatSecret, normalizeBase32, isBase32 } from './otpauth.js';
export type { OtpauthUri, TotpKeyUri, GuardianEnrollmentUri, TotpAlgorithm } from './otpauth.js';
export { FACTORS, FACTOR_NAMES, isFactorName, factorOf, factorsOfGuardian, deriveAuthenticators, idPrefix } from './factors.js';
export type { FactorSpec, GuardianFactorName, TicketFactorName, ListedAuthenticator } from './factors.js';
export {
  normalizePhone,
  normalizeEmail,
  normalizeOtp,
  normalizeRecoveryCode,
  digitsOnly,
  groupCode,
  isAuthenticatorId,
} from './input.js';
export { maskPhone, maskEmail, maskedName } from './mask.js';
export { resolveOrigin, checkServerUrl, isLoopbackHost } from './origin.js';
export {
  GRANT_TYPES,
  parseAuthenticatorList,
  parseListedAuthenticator,
  parseEnrollment,
  parseChallenge,
  parseTokenResponse,
  associateBody,
  challengeBody,
  grantForm,
} from './wire.js';
