import { html, type TemplateResult } from 'lit';
import type { Authenticator, MfaSource, SourceCapabilities } from '../../core/types.js';
import { loadPasskeyParts } from './passkey-parts.js';

/**
 * What `<mfa-enrollment>` needs for passkeys, kept out of it: the templates name the on-demand
 * parts by tag only (no import of their classes), so a page that never opens a passkey flow or
 * lists a passkey never fetches them.
 */

/** Passkeys are enrolled in the page only where the source says it can (My Account). */
export const passkeyEnrollable = (caps?: Readonly<SourceCapabilities>): boolean => caps?.passkey === true;

/** The rows drawn by `<mfa-passkey-item>`: passkeys and WebAuthn keys the source can rename. */
export const isPasskeyRow = (a: Authenticator): boolean =>
  a.factor === 'passkey' || ((a.factor === 'webauthn-roaming' || a.factor === 'webauthn-platform') && a.renamable === true);

export function renderPasskeyFlow(source: MfaSource | undefined, level: number, onEnrolled: () => void, cancel: TemplateResult): TemplateResult {
  void loadPasskeyParts().catch(() => undefined);
  return html`<mfa-passkey-enroll part="passkey-enroll" heading-level=${level} .source=${source} @mfa-enroll=${onEnrolled}></mfa-passkey-enroll>
    <div class="buttons">${cancel}</div>`;
}

export function renderPasskeyRow(source: MfaSource | undefined, a: Authenticator, onRemoved: () => void): TemplateResult {
  void loadPasskeyParts().catch(() => undefined);
  return html`<li part="authenticator" class="authenticator">
    <mfa-passkey-item part="passkey-item" .source=${source} .authenticator=${a} @mfa-remove=${onRemoved}></mfa-passkey-item>
  </li>`;
}
