import { html, type TemplateResult } from 'lit';

/** Template pieces of `<mfa-verify>` that its code-sending part (./sending.ts) renders too. */
export const waiting = (text: string): TemplateResult =>
  html`<p part="status" class="waiting"><span class="spinner" aria-hidden="true"></span>${text}</p>`;
export const row = (...content: unknown[]): TemplateResult => html`<div class="row">${content}</div>`;
