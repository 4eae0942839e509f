// Compiled (never run) by `npm run check:typings` against the built package: the opt-in React 19
// JSX typings must accept the elements' real attributes, properties and events, and refuse others.
import type {} from 'mfa-elements/react.js';
import type { MfaErrorEvent, MfaSource, MfaVerifiedEvent } from 'mfa-elements';

declare const source: MfaSource;

export const ok = (
  <mfa-provider source={source} proxy-url="/api/auth/mfa" onmfa-error={(e: MfaErrorEvent) => e.detail.error.code}>
    <mfa-verify method="otp" authenticator-id="totp|dev_1" onmfa-verified={(e: MfaVerifiedEvent) => e.detail.method} />
    <mfa-enrollment factors="otp sms" onmfa-enroll={(e) => e.detail.factor} onmfa-remove={(e) => e.detail.authenticatorId} />
    <mfa-otp-enroll strings={{ 'otp.title': 'Add an app' }} />
  </mfa-provider>
);

// @ts-expect-error `method` takes a factor name
export const badMethod = <mfa-verify method="fax" />;
// @ts-expect-error the verified event's detail has no `token`
export const badDetail = <mfa-verify onmfa-verified={(e) => e.detail.token} />;
// @ts-expect-error `strings` keys are the element's own
export const badString = <mfa-otp-enroll strings={{ notAKey: 'x' }} />;
