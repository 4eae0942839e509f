import { css } from 'lit';

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
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
  }

  .intro,
  .description,
  .hint,
  .note {
    margin: 0;
    color: var(--_muted);
  }

  .list,
  .authenticators,
  .codes {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  .factor {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_row-padding);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .factor-main {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }

  .factor-text {
    flex: 1 1 16rem;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }

  .title-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
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

  .authenticator {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) 0;
  }

  .authenticator-name {
    overflow-wrap: anywhere;
  }

  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .flow,
  .confirm,
  .recovery,
  .state {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .confirm {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    flex-basis: 100%;
  }

  .recovery {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_row-padding);
  }

  .flow-title,
  .confirm-title,
  .recovery-title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }

  form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }

  label {
    font-weight: 500;
  }

  input {
    width: min(100%, 20rem);
  }

  p {
    margin: 0;
  }

  .secret,
  .code {
    font-family: var(--_mono);
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }

  .codes {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }

  .status {
    display: flex;
    align-items: center;
    gap: var(--_space);
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
    .badge {
      border-color: CanvasText;
    }
    .factor,
    .recovery,
    .confirm {
      border-color: CanvasText;
    }
  }
`;
