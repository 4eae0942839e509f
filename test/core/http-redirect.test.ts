/**
 * In the browser, where fetch's redirect handling is the engine's: a 307 from the server is not
 * followed (the form body, an `mfa_token` here, never reaches the other origin) and comes out as
 * a typed `bad_response`.
 */
import { expect } from '@open-wc/testing';
import { request } from '../../src/core/http.js';
import { MfaError } from '../../src/core/errors.js';

it('a 307 to another origin is refused: bad_response, and nothing arrives there', async () => {
  const otherName = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const id = `redirect-${Date.now()}`;
  const elsewhere = `http://${otherName}:${location.port}/__opener-probe/report?id=${id}&opener=redirected`;
  let error: unknown;
  try {
    await request({
      url: `/__opener-probe/redirect?to=${encodeURIComponent(elsewhere)}`,
      method: 'POST',
      form: { grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', mfa_token: 'secret-mfa-token', otp: '123456' },
      parse: (body) => body,
    });
  } catch (thrown) {
    error = thrown;
  }
  expect(error).to.be.instanceOf(MfaError);
  expect((error as MfaError).code).to.equal('bad_response');
  // Whether the report endpoint was reached: a followed redirect would have stored 'redirected'.
  expect(await (await fetch(`/__opener-probe/result?id=${id}`)).text()).to.equal('');
});
