import { exampleSuite } from './harness.js';

exampleSuite('vue', 'Vue', { properties: ':source.prop / :strings.prop', attributes: ':proxy-url', event: (type) => `@${type}` });
