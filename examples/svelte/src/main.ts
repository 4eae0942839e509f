import { mount as mountSvelte, unmount } from 'svelte';
// Define the elements before Svelte renders them, so that Svelte sets their properties.
import 'mfa-elements/mfa-provider.js';
import 'mfa-elements/mfa-verify.js';
import 'mfa-elements/mfa-enrollment.js';
import 'mfa-elements/mfa-otp-enroll.js';
import App from './App.svelte';
import type { ExampleOptions } from '../../shared/options.js';

export type { ExampleOptions };

/** Mounts the example app into `target`; returns how to unmount it. */
export function mount(target: Element, options: ExampleOptions = {}): { unmount(): void } {
  const app = mountSvelte(App, { target, props: { ...options } });
  return { unmount: () => void unmount(app) };
}

// On the example's own page (index.html); a page that imports this module mounts it itself.
const root = document.getElementById('app');
if (root) mount(root, { proxyUrl: root.dataset.proxyUrl });
