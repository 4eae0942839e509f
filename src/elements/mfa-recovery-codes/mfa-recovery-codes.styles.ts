import { css } from 'lit';

export const recoveryStyles = css`
  .copy-status {
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  p {
    margin: 0;
  }

  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 1.5);
    list-style: none;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--mfa-recovery-codes-background, transparent);
  }

  code {
    font-family: var(--_mono);
    font-size: 1.05em;
    letter-spacing: 0.04em;
    /* Whole groups: a 24-character code nested in a list row at 360 px wraps between them, not out. */
    white-space: normal;
    word-break: keep-all;
    user-select: all;
    -webkit-user-select: all;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .confirm {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }

  .confirm input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    padding: 0;
    accent-color: var(--_primary);
    flex: none;
  }

  .print-frame {
    position: absolute;
    width: 0;
    height: 0;
    border: 0;
    visibility: hidden;
  }

  @media (forced-colors: active) {
    .codes {
      border-color: CanvasText;
    }
  }
`;

/** The whole document printed by the Print button (a separate frame: only the codes are printed). */
export const printSheet = `
  body { font: 12pt/1.5 system-ui, sans-serif; color: #000; background: #fff; margin: 2cm; }
  h1 { font-size: 16pt; margin: 0 0 0.5em; }
  p { margin: 0 0 0.5em; }
  ol { margin: 1em 0; padding-inline-start: 2em; }
  li { font: 14pt/1.8 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: 0.05em; }
`;
