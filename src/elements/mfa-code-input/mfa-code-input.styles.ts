import { css } from 'lit';

/**
 * One real input drawn over a row of `length` cells. The digits are the input's own text, in a
 * monospaced font whose advance (1ch + letter-spacing) equals the cell pitch, so each digit sits
 * in its cell; the row of cells gives the field its width, so no inline style is needed. The
 * input reaches one pitch past the last cell: room for the caret after the last digit, so the
 * text never scrolls out of its cells. Font and colour are the shared `input` rule's.
 */
export const codeInputStyles = css`
  :host {
    /* Wider than tall-and-narrow, and as tall as a button, so a submit beside the cells lines up. */
    --_cell: var(--mfa-code-cell-width, 2.5ch);
    --_gap: var(--mfa-code-cell-gap, 0.6ch);
    --_pitch: calc(var(--_cell) + var(--_gap));
    --_cell-height: var(--mfa-code-cell-height, 1.75em);
    display: inline-block;
    max-width: 100%;
  }

  label {
    display: block;
    margin-bottom: calc(var(--_space) / 2);
    font-weight: 600;
  }

  .field {
    position: relative;
    display: inline-block;
    direction: ltr;
    font-family: var(--_mono);
    font-size: var(--mfa-code-font-size, 1.5em);
    line-height: 1;
  }

  .cells {
    display: flex;
    gap: var(--_gap);
  }

  .cell {
    flex: none;
    width: var(--_cell);
    height: var(--_cell-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--mfa-code-cell-background, var(--_surface));
  }

  .field:focus-within .cell.active {
    border-color: var(--_focus);
    box-shadow: 0 0 0 1px var(--_focus);
  }

  /* The selection is drawn on the cells (see #syncSelection): the text's own would cover the gaps. */
  .cell.selected {
    background: var(--mfa-code-selection-background, color-mix(in srgb, var(--_focus) 28%, var(--_surface)));
  }

  input::selection {
    background: transparent;
    color: inherit;
  }

  :host([invalid]) .cell {
    border-color: var(--_danger);
  }

  :host([disabled]) .cell {
    opacity: 0.6;
  }

  input {
    position: absolute;
    inset: 0 calc(-1 * var(--_pitch)) 0 0;
    min-height: 0;
    margin: 0;
    padding: 0 0 0 calc((var(--_cell) - 1ch) / 2);
    border: none;
    border-radius: 0;
    background: transparent;
    letter-spacing: calc(var(--_pitch) - 1ch);
    text-align: left;
    caret-color: var(--_focus);
  }

  input:focus,
  input:focus-visible {
    outline: none;
  }

  .field:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 3px;
    border-radius: var(--_radius);
  }

  input:disabled {
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    .cell {
      border-color: CanvasText;
      background: Canvas;
    }
    :host([invalid]) .cell {
      border-width: 2px;
    }
    .field:focus-within .cell.active {
      border-color: Highlight;
    }
    .cell.selected {
      background: Highlight;
    }
    input::selection {
      color: HighlightText;
    }
    .field:focus-within {
      outline-color: Highlight;
    }
    input {
      border: none;
    }
  }
`;
