import { exampleSuite } from './harness.js';

exampleSuite('react', 'React', { properties: 'source={…} / strings={…}', event: (type) => `on${type}` });
