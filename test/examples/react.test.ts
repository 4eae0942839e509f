import { exampleSuite } from './harness.js';

exampleSuite('react', 'React', { properties: 'source={…} / strings={…}', attributes: 'proxy-url={…}', event: (type) => `on${type}` });
