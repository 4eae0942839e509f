import { exampleSuite } from './harness.js';

exampleSuite('svelte', 'Svelte', { properties: '{source} / strings={…}', attributes: 'proxy-url={…}', event: (type) => `on${type}` });
