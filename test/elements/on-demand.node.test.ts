import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import { moduleUrlIn, onDemand } from '../../src/i18n/on-demand.js';

test('moduleUrlIn reads the module URL from Chromium and Firefox import errors, none from WebKit', () => {
  const chromium = new TypeError('Failed to fetch dynamically imported module: https://cdn.example/x/mfa-qrcode.js');
  const firefox = new TypeError('error loading dynamically imported module: http://127.0.0.1:8000/src/locales/tables/de.ts?mfa-retry=1.');
  const webkit = new TypeError('Importing a module script failed.');
  assert.equal(moduleUrlIn(chromium), 'https://cdn.example/x/mfa-qrcode.js');
  assert.equal(moduleUrlIn(firefox), 'http://127.0.0.1:8000/src/locales/tables/de.ts?mfa-retry=1');
  assert.equal(moduleUrlIn(webkit), undefined);
  assert.equal(moduleUrlIn('not an error https://a.example/x.js'), undefined);
  assert.equal(moduleUrlIn(new Error('javascript:alert(1) ftp://a.example/x.js')), undefined);
});

test('onDemand shares one fetch between callers and keeps a success', async () => {
  let calls = 0;
  const load = onDemand(async () => ({ n: ++calls }));
  const [a, b] = await Promise.all([load(), load()]);
  assert.equal(a, b);
  assert.deepEqual(await load(), { n: 1 });
  assert.equal(calls, 1);
});

test('onDemand tries again after a failure, with the original import when no URL was named', async () => {
  let calls = 0;
  const load = onDemand(async () => {
    calls += 1;
    if (calls === 1) throw new TypeError('Importing a module script failed.');
    return 'loaded';
  });
  await assert.rejects(load(), /Importing a module script failed/);
  assert.equal(await load(), 'loaded');
  assert.equal(calls, 2);
});

test('onDemand asks for the named URL afresh instead of repeating the remembered failure', async () => {
  let calls = 0;
  const load = onDemand(async () => {
    calls += 1;
    throw new TypeError('error loading dynamically imported module: http://127.0.0.1:9/nowhere.js');
  });
  await assert.rejects(load(), /nowhere\.js/);
  // Node cannot import http: URLs, so the fresh import fails, but not through the original loader.
  await assert.rejects(load(), (error: Error) => !/error loading dynamically imported module/.test(error.message));
  assert.equal(calls, 1);
});

test('moduleUrlIn strips the punctuation after a URL in a sentence, and ignores a URL that does not parse', () => {
  assert.equal(moduleUrlIn(new TypeError('Failed to fetch module (https://cdn.example/x/mfa-qrcode.js).')), 'https://cdn.example/x/mfa-qrcode.js');
  assert.equal(moduleUrlIn(new TypeError('error loading dynamically imported module: http://[::1')), undefined);
});

test('each retry imports the named URL with the next ?mfa-retry number, until one loads', async () => {
  // Node cannot fetch http: modules; this resolve hook stands in for the network: the first fresh
  // import fails without naming a URL, any later one is a module whose default export is its own URL.
  register(
    'data:text/javascript,' +
      encodeURIComponent(`export async function resolve(specifier, context, next) {
        if (!specifier.startsWith('http://modules.test/')) return next(specifier, context);
        if (specifier.includes('mfa-retry=1')) throw new Error('offline');
        return { url: 'data:text/javascript,export default ' + encodeURIComponent(JSON.stringify(specifier)), shortCircuit: true };
      }`),
  );
  let calls = 0;
  const load = onDemand<{ default: string }>(async () => {
    calls += 1;
    throw new TypeError('Failed to fetch dynamically imported module: http://modules.test/chunks/qr.js');
  });
  await assert.rejects(load(), /modules\.test/);
  await assert.rejects(load(), /offline/);
  assert.equal((await load()).default, 'http://modules.test/chunks/qr.js?mfa-retry=2');
  assert.equal(calls, 1, 'the original loader ran once');
});
