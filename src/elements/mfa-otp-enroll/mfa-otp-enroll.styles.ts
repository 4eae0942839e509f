import { css } from 'lit';

export const otpEnrollStyles = css`
  :host {
    --_gap: var(--mfa-otp-enroll-gap, calc(var(--_space) * 2));
  }

  .base {
    display: grid;
    gap: var(--_gap);
    padding: var(--mfa-otp-enroll-padding, 0);
    background: var(--mfa-otp-enroll-background, transparent);
    color: var(--_text);
  }

  [role='heading'] {
    font-weight: 600;
    line-height: 1.3;
  }

  .title {
    font-size: 1.25em;
  }

  .step-title {
    font-size: 1.05em;
  }

  [role='heading']:focus:not(:focus-visible) {
    outline: none;
  }

  p,
  dl,
  dd {
    margin: 0;
  }

  .muted {
    color: var(--_muted);
    font-size: 0.925em;
  }

  section,
  .alternatives,
  .manual {
    display: grid;
    gap: var(--_space);
  }

  .scan {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-start;
  }

  .alternatives {
    flex: 1 1 16rem;
    min-width: 0;
  }

  .manual {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .manual[hidden] {
    display: none;
  }

  .secret-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .secret {
    font-family: var(--_mono);
    font-size: 1.1em;
    letter-spacing: 0.06em;
    word-spacing: 0.2em;
    user-select: all;
    -webkit-user-select: all;
  }

  .secret,
  dd {
    overflow-wrap: anywhere;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
  }

  dt {
    color: var(--_muted);
  }

  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }

  form [part~='error'],
  form .wait {
    flex-basis: 100%;
  }

  @media (forced-colors: active) {
    .manual {
      border-color: CanvasText;
    }
  }
`;
