import { svg, type SVGTemplateResult } from 'lit';
import type { FactorName } from '../../core/types.js';

/**
 * One small line icon per factor, drawn in `currentColor` (so themes and forced colours follow),
 * hidden from assistive technology: the factor's name is always written beside it.
 */
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
  // A person with a key: a passkey.
  passkey: svg`<circle cx="9" cy="7" r="3.5"/><path d="M3 20a6 6 0 0 1 11-3.3"/><circle cx="17.5" cy="13.5" r="2.5"/><path d="M17.5 16v5M17.5 19h2"/>`,
  // A USB key: a roaming security key.
  'webauthn-roaming': svg`<rect x="7" y="8" width="10" height="13" rx="2"/><path d="M9.5 8V3h5v5"/><circle cx="12" cy="14" r="1.5"/>`,
  // A fingerprint: the device's own authenticator.
  'webauthn-platform': svg`<path d="M6 10a6 6 0 0 1 12 0v2M9 20a13 13 0 0 0 1-6v-4a2 2 0 0 1 4 0v3M15 20a17 17 0 0 0 .9-4M6 14v1a10 10 0 0 1-.6 3.5"/>`,
  // A shield with a check: Duo.
  duo: svg`<path d="M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6z"/><path d="M9 12l2 2 4-4"/>`,
};

export function factorIcon(factor: FactorName): SVGTemplateResult {
  // Drawn by the shared `.icon` rule (size, stroke): the markup stays small.
  return svg`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true">${PATHS[factor]}</svg>`;
}
