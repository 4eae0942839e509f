/**
 * Everything: registers every element and exports their classes, the event classes, the context
 * and the framework-free core. Pages that need one element import its module instead
 * (`mfa-elements/mfa-verify.js`), which registers only what that element renders.
 */
export * from './define/mfa-provider.js';
export * from './define/mfa-enrollment.js';
export * from './define/mfa-otp-enroll.js';
export * from './define/mfa-verify.js';
export * from './define/mfa-code-input.js';
export * from './define/mfa-qr-code.js';
export * from './define/mfa-recovery-codes.js';
export * from './define/mfa-passkey-enroll.js';
// <mfa-enrollment>'s phone/email and push flows (it fetches them on demand).
export * from './define/mfa-contact-enroll.js';
export * from './define/mfa-push-enroll.js';
export {
  MfaEnrollEvent,
  MfaRemoveEvent,
  MfaVerifiedEvent,
  MfaErrorEvent,
  type MfaEnrollDetail,
  type MfaRemoveDetail,
  type MfaVerifiedDetail,
  type MfaErrorDetail,
  type MfaAction,
  type VerifyMethod,
} from './elements/shared/events.js';
export { MfaElement } from './elements/shared/mfa-element.js';
export { registerTranslation, loadLocale, type Translation } from './i18n/localize.js';
export * from './core/index.js';
