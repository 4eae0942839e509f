import { flowStrings } from './flow.js';
import type { Locales, Template } from '../../i18n/localize.js';

/**
 * Built-in text of `<mfa-push-enroll>`; `en` is complete. Its translations are in the
 * `mfa-enrollment` tables (src/locales/), the element it is part of.
 */
const en = {
  ...flowStrings,
  'push.scan': 'Scan the QR code with the Auth0 Guardian app. This page continues when you confirm in the app.',
  'push.qrLabel': 'QR code for the Auth0 Guardian app',
  'push.openApp': 'Open in Guardian on this device',
  'push.waiting': 'Waiting for you to confirm in the app…',
  'push.rejected': 'The enrollment was declined in the app.',
  'push.expired': 'The QR code has expired.',
  'push.restart': 'Start again',
};

export type PushEnrollStrings = Record<keyof typeof en, Template>;

export const pushEnrollLocales: Locales<PushEnrollStrings> = { en };
