import { exampleSuite } from './harness.js';

exampleSuite('svelte', 'Svelte', { properties: '{source} / strings={…}', event: (type) => `on${type}` });
