import { css } from 'lit';

/** Styles of `<mfa-verify>`; its custom properties are documented on the class. */
export const verifyStyles = css`
  :host {
    --_gap: var(--mfa-verify-gap, calc(var(--_space) * 2));
    max-width: var(--mfa-verify-max-width, 28rem);
  }

  p {
    margin: 0;
  }

  .title {
    font-weight: 700;
    font-size: 1.15em;
  }

  [part~='countdown'],
  .option-name {
    color: var(--_muted);
  }

  form,
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_gap);
  }

  .row,
  .waiting {
    align-items: center;
  }

  .stack,
  ul {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .stack {
    gap: calc(var(--_space) / 2);
    flex: 1 1 14rem;
  }

  label,
  .waiting {
    font-weight: 600;
  }

  #recovery,
  .option-name {
    font-family: var(--_mono);
  }

  #recovery {
    letter-spacing: 0.05em;
    width: 100%;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  button.option [part~='authenticator-label'] {
    margin-inline-end: auto;
  }

  button.option {
    width: 100%;
    justify-content: space-between;
    flex-wrap: wrap;
    padding-block: var(--_space);
    color: var(--_text);
    border-color: var(--_border);
    text-align: start;
  }

  button.option:hover {
    border-color: var(--_primary);
  }

  .waiting {
    display: flex;
    gap: var(--_space);
  }

  .spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  [part~='success'] {
    color: var(--_success);
    font-weight: 700;
  }

  [part~='success']:focus,
  [part~='error']:focus {
    outline: none;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: var(--_border);
      border-style: dotted;
    }
  }

  @media (forced-colors: active) {
    .spinner {
      border-color: CanvasText;
      border-top-color: Highlight;
    }
    button.option {
      border-color: ButtonText;
    }
  }
`;
