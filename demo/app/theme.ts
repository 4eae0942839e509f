/**
 * The theme switch: one class on the page's wrapper (`theme-system`, `theme-light`, `theme-dark`,
 * `theme-custom`). Everything else is in demo.css, through `--mfa-*` custom properties and
 * `::part()` only: no inline styles, nothing reaches into the elements' shadow roots.
 */
export const THEMES = ['system', 'light', 'dark', 'custom'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'mfa-demo-theme';
const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

export function applyTheme(wrapper: HTMLElement, theme: Theme): void {
  for (const name of THEMES) wrapper.classList.toggle(`theme-${name}`, name === theme);
}

/** Wires the radio group `name="theme"` inside `fieldset` to the wrapper's class. */
export function initThemeSwitch(fieldset: HTMLFieldSetElement, wrapper: HTMLElement): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be off; the default theme is fine
  }
  const initial: Theme = isTheme(saved) ? saved : 'system';
  for (const radio of fieldset.querySelectorAll<HTMLInputElement>('input[name="theme"]')) radio.checked = radio.value === initial;
  applyTheme(wrapper, initial);
  fieldset.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    if (!isTheme(value)) return;
    applyTheme(wrapper, value);
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // not remembered; still applied
    }
  });
}
