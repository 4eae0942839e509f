import { svg, type SVGTemplateResult } from 'lit';
import type { FactorName } from '../../core/types.js';

/**
 * One small line icon per factor, drawn in `currentColor` (so themes and forced colours follow),
 * hidden from assistive technology: the factor's name is always written beside it.
 */
/** A fingerprint-like key: passkeys and security keys. */
const KEY = svg`<circle cx="8" cy="12" r="4"/><path d="M12 12h9M18 12v3"/>`;

const PATHS: Record<FactorName, SVGTemplateResult> = {
  // A phone with a check: approve on the device.
  push: svg`<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M9.5 12l1.8 1.8 3.2-3.6"/>`,
  // A clock face cut by a code: time-based one-time codes.
  otp: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  // A speech bubble: a text message.
  sms: svg`<path d="M4 5h16v11H9l-5 4z"/><path d="M8 10h8M8 13h5"/>`,
  // A handset: a call.
  voice: svg`<path d="M6.5 3.5l3 .5 1 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1 .5 3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/>`,
  // An envelope.
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6l8.5 7 8.5-7"/>`,
  // A key.
  'recovery-code': svg`<circle cx="8" cy="14" r="4"/><path d="M11 11l8-8M16 6l2 2M14 8l2 2"/>`,
  // One icon for the WebAuthn family and Duo (rarer rows; kept out of the per-page files' budget).
  passkey: KEY,
  'webauthn-roaming': KEY,
  'webauthn-platform': KEY,
  duo: KEY,
};

export function factorIcon(factor: FactorName): SVGTemplateResult {
  // Drawn by the shared `.icon` rule (size, stroke): the markup stays small.
  return svg`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true">${PATHS[factor]}</svg>`;
}
