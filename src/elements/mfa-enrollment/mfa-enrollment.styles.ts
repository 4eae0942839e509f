import { css } from 'lit';

// Margins are left to `p { margin: 0 }` (the headings are divs, which have none); font sizes of
// 1em are the default.
/**
 * @cssprop --mfa-enrollment-gap - Space between factor rows (default `calc(var(--mfa-space) * 2)`).
 * @cssprop --mfa-enrollment-row-padding - Padding inside a factor row (default `calc(var(--mfa-space) * 2)`).
 * @cssprop --mfa-enrollment-max-width - Maximum width of the element (default `44rem`).
 * @cssprop --mfa-badge-background - Background of the Enrolled badge (default the success colour).
 * @cssprop --mfa-badge-color - Text of the Enrolled badge (default the surface colour).
 */
export const enrollmentStyles = css`
  :host {
    --_gap: var(--mfa-enrollment-gap, calc(var(--_space) * 2));
    --_row-padding: var(--mfa-enrollment-row-padding, calc(var(--_space) * 2));
    --_badge-bg: var(--mfa-badge-background, var(--_success));
    --_badge-fg: var(--mfa-badge-color, var(--_surface));
    max-width: var(--mfa-enrollment-max-width, 44rem);
  }

  .heading {
    font-size: 1.25em;
  }

  .heading,
  .title,
  .flow-title,
  .confirm-title,
  .recovery-title {
    font-weight: 600;
  }

  .intro,
  .description,
  .hint,
  .note {
    color: var(--_muted);
  }

  .list,
  .authenticators {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .list,
  .factor,
  .factor-text,
  .flow,
  .confirm,
  .recovery,
  .state,
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .list {
    gap: var(--_gap);
  }

  .factor-text {
    flex: 1 1 16rem;
    gap: calc(var(--_space) / 2);
  }

  form {
    align-items: flex-start;
  }

  .flow,
  .state {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }

  .factor,
  .confirm,
  .recovery {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_row-padding);
  }

  .confirm {
    border-color: var(--_danger);
    padding: var(--_space);
    flex-basis: 100%;
  }

  .factor-main,
  .title-line,
  .authenticator,
  .actions,
  .buttons,
  .status {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  .factor-main,
  .title-line,
  .authenticator,
  .actions,
  .buttons {
    flex-wrap: wrap;
  }

  .factor-main {
    align-items: flex-start;
  }

  .factor-main,
  .authenticator {
    justify-content: space-between;
  }

  .authenticator {
    padding: calc(var(--_space) / 2) 0;
  }

  .authenticator-name {
    overflow-wrap: anywhere;
  }

  /* One heading per step: the flow's "Set up …" stands for the app element's own title. */
  mfa-otp-enroll::part(title) {
    display: none;
  }

  .code-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }

  .date {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }


  .badge {
    display: inline-block;
    padding: 0 var(--_space);
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    font-size: 0.8125em;
    line-height: 1.6;
    border: 1px solid transparent;
  }

  label {
    font-weight: 500;
  }

  input,
  select {
    width: min(100%, 20rem);
  }

  p {
    margin: 0;
  }

  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    flex: none;
  }

  .success {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 10%, transparent);
    font-weight: 600;
  }

  .locked {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_primary);
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .factor,
    .recovery,
    .confirm {
      border-color: CanvasText;
    }
  }
`;
