/**
 * ProxySource against a proxy that has neither a route nor its fallback: the call fails as `unsupported`
 * naming the fallback route, and a repeated call fails the same way without another request.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProxySource } from '../../src/core/proxy-source.js';
import { rejects } from '../helpers/rejects.js';
import { scripted } from '../helpers/scripted-fetch.js';

const BASE = '/api/auth/mfa';

describe('ProxySource: a route and its fallback both missing', () => {
  it('remove: names the Lab route both times, the second time without a request', async () => {
    const { fetch, sent } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    const first = await rejects(source.remove('sms|dev_1'), 'unsupported');
    assert.equal(first.message, 'unsupported: the proxy has no DELETE {base}/{id} route');
    assert.deepEqual(sent.map((s) => `${s.method} ${s.url}`), [`DELETE ${BASE}/authenticators/sms%7Cdev_1`, `DELETE ${BASE}/sms%7Cdev_1`]);
    const again = await rejects(source.remove('sms|dev_1'), 'unsupported');
    assert.equal(again.message, first.message);
    assert.equal(sent.length, 2, 'nothing is sent to routes known to be missing');
    assert.equal(source.capabilities.remove, false);
  });

  it('enroll: names the hosted-ticket route both times, the second time without a request', async () => {
    const { fetch, sent } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    const first = await rejects(source.enroll({ factor: 'otp' }), 'unsupported');
    assert.equal(first.message, 'unsupported: the proxy has no POST {base} route');
    assert.equal(sent.length, 2);
    const again = await rejects(source.enroll({ factor: 'otp' }), 'unsupported');
    assert.equal(again.message, first.message);
    assert.equal(sent.length, 2, 'nothing is sent to routes known to be missing');
  });

  it('listAuthenticators: names the factor-list route both times, the second time without a request', async () => {
    const { fetch, sent } = scripted({});
    const source = new ProxySource({ baseUrl: BASE, fetch });
    const first = await rejects(source.listAuthenticators(), 'unsupported');
    assert.equal(first.message, 'unsupported: the proxy has no GET {base} route');
    const again = await rejects(source.listAuthenticators(), 'unsupported');
    assert.equal(again.message, first.message);
    assert.equal(sent.length, 2, 'nothing is sent to routes known to be missing');
    assert.equal(source.capabilities.list, false);
  });
});
