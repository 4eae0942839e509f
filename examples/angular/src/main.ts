import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
// Define the elements before Angular renders them (Angular sets [properties] either way, but the
// elements should upgrade with their values already in place).
import 'mfa-elements/mfa-provider.js';
import 'mfa-elements/mfa-verify.js';
import 'mfa-elements/mfa-enrollment.js';
import 'mfa-elements/mfa-otp-enroll.js';
import { AppComponent } from './app.component';
import type { ExampleOptions } from '../../shared/options';

export type { ExampleOptions };

/** Mounts the example app into `target`; returns how to unmount it. */
export async function mount(target: Element, options: ExampleOptions = {}): Promise<{ unmount(): void }> {
  const host = target.appendChild(document.createElement('app-root'));
  const app = await createApplication({ providers: [provideZonelessChangeDetection()] });
  const component = app.bootstrap(AppComponent, host);
  component.setInput('source', options.source);
  component.setInput('proxyUrl', options.proxyUrl);
  component.setInput('strings', options.strings);
  return {
    unmount: () => {
      app.destroy();
      host.remove();
    },
  };
}

// On the example's own page (index.html); a page that imports this module mounts it itself.
const root = document.getElementById('app');
if (root) void mount(root, { proxyUrl: root.dataset['proxyUrl'] });
