import { exampleSuite } from './harness.js';

exampleSuite('vue', 'Vue', { properties: ':source.prop / :strings.prop', event: (type) => `@${type}` });
