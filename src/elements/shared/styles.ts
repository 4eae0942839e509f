import { css } from 'lit';

/**
 * Theme tokens and the reset every element starts from. Page-level `--mfa-*` custom properties
 * are read through fallbacks into private `--_*` ones, so a value set anywhere above the element
 * (on `body`, on a wrapper, on the element itself) wins over the defaults.
 *
 * @cssprop --mfa-color-primary - Buttons, links, focus accents.
 * @cssprop --mfa-color-on-primary - Text on primary buttons.
 * @cssprop --mfa-color-text - Body text.
 * @cssprop --mfa-color-muted - Secondary text.
 * @cssprop --mfa-color-surface - Background of the element.
 * @cssprop --mfa-color-border - Borders and dividers.
 * @cssprop --mfa-color-danger - Errors and destructive actions.
 * @cssprop --mfa-color-success - Success and "enrolled" badges.
 * @cssprop --mfa-color-focus - Focus ring.
 * @cssprop --mfa-radius - Corner radius.
 * @cssprop --mfa-space - Base spacing unit.
 * @cssprop --mfa-font-family - Text font.
 * @cssprop --mfa-font-size - Base font size.
 * @cssprop --mfa-font-mono - Font for codes and secrets.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--mfa-color-primary, #1d4ed8);
    --_on-primary: var(--mfa-color-on-primary, #ffffff);
    --_text: var(--mfa-color-text, #111827);
    --_muted: var(--mfa-color-muted, #4b5563);
    --_surface: var(--mfa-color-surface, #ffffff);
    --_border: var(--mfa-color-border, #d1d5db);
    --_danger: var(--mfa-color-danger, #b91c1c);
    --_success: var(--mfa-color-success, #047857);
    --_focus: var(--mfa-color-focus, #2563eb);
    --_radius: var(--mfa-radius, 0.5rem);
    --_space: var(--mfa-space, 0.5rem);
    --_font: var(--mfa-font-family, inherit);
    --_font-size: var(--mfa-font-size, 1rem);
    --_mono: var(--mfa-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
  }

  /* Right-to-left languages mirror the layout (logical properties throughout), also when only
     \`lang\` says so (a \`dir\` on any ancestor is inherited as usual); \`dir\` on the element wins. */
  :host(:is(:lang(ar), :lang(he), :lang(fa), :lang(ur)):not([dir])) {
    direction: rtl;
  }

  /* An icon that points (back, forward, open) faces the reading direction. (\`:dir()\` follows
     \`dir\` attributes only, so the languages are listed again.) */
  :host(:dir(rtl)) .mirror-rtl,
  :host(:is(:lang(ar), :lang(he), :lang(fa), :lang(ur)):not([dir])) .mirror-rtl {
    transform: scaleX(-1);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--mfa-color-primary, #93b4fd);
      --_on-primary: var(--mfa-color-on-primary, #0b1220);
      --_text: var(--mfa-color-text, #f3f4f6);
      --_muted: var(--mfa-color-muted, #c2c8d0);
      --_surface: var(--mfa-color-surface, #111827);
      --_border: var(--mfa-color-border, #4b5563);
      --_danger: var(--mfa-color-danger, #fca5a5);
      --_success: var(--mfa-color-success, #6ee7b7);
      --_focus: var(--mfa-color-focus, #93b4fd);
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }

  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 2.5rem;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    text-decoration: none;
  }

  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }

  button.link {
    background: none;
    border: none;
    color: var(--_primary);
    padding: 0;
    min-height: auto;
    text-decoration: underline;
  }

  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  a {
    color: var(--_primary);
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-height: 2.5rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Headings and status lines focused after a step are not controls: a light mark, none for the mouse. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 1px dashed var(--_focus);
    outline-offset: 3px;
  }

  [part~='error'] {
    color: var(--_danger);
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
    color: var(--_primary);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }

  @media (forced-colors: active) {
    button,
    .button,
    input,
    select {
      border: 1px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * The `.base` of `<mfa-enrollment>` and `<mfa-verify>`: a column on the surface colour, spaced by
 * the `--_gap` each of them sets on its `:host`.
 */
export const columnBaseStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
  }
`;
