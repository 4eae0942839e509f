import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Define the elements before React renders them, so that React sets their properties.
import 'mfa-elements/mfa-provider.js';
import 'mfa-elements/mfa-verify.js';
import 'mfa-elements/mfa-enrollment.js';
import 'mfa-elements/mfa-otp-enroll.js';
import { App } from './App.js';
import type { ExampleOptions } from '../../shared/options.js';

export type { ExampleOptions };

/** Mounts the example app into `target`; returns how to unmount it. */
export function mount(target: Element, options: ExampleOptions = {}): { unmount(): void } {
  const root = createRoot(target);
  root.render(
    <StrictMode>
      <App {...options} />
    </StrictMode>,
  );
  return { unmount: () => root.unmount() };
}

// On the example's own page (index.html); a page that imports this module mounts it itself.
const root = document.getElementById('app');
if (root) mount(root, { proxyUrl: root.dataset.proxyUrl });
