import { exampleSuite } from './harness.js';

exampleSuite('angular', 'Angular', { properties: '[source] / [strings]', event: (type) => `(${type})` });
