import { exampleSuite } from './harness.js';

exampleSuite('angular', 'Angular', { properties: '[source] / [strings]', attributes: '[attr.proxy-url]', event: (type) => `(${type})` });
