import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES } from '../../src/core/phone-countries.js';
import { defaultRegion, regionOf, toE164 } from '../../src/core/phone.js';

const by = (region: string) => {
  const country = COUNTRIES.find((c) => c.region === region);
  assert.ok(country, region);
  return country;
};

test('country data: unique ISO regions, numeric codes, known trunk prefixes', () => {
  assert.ok(COUNTRIES.length > 150);
  assert.equal(new Set(COUNTRIES.map((c) => c.region)).size, COUNTRIES.length);
  for (const c of COUNTRIES) {
    assert.match(c.region, /^[A-Z]{2}$/);
    assert.match(c.callingCode, /^[1-9]\d{0,2}$/);
    assert.match(c.trunk, /^\d{0,2}$/);
  }
  assert.deepEqual(by('DE'), { region: 'DE', callingCode: '49', trunk: '0' });
  assert.deepEqual(by('IT'), { region: 'IT', callingCode: '39', trunk: '' });
  assert.deepEqual(by('US'), { region: 'US', callingCode: '1', trunk: '1' });
  assert.deepEqual(by('RU'), { region: 'RU', callingCode: '7', trunk: '8' });
});

test('national numbers: the trunk prefix is stripped where the country has one', () => {
  assert.equal(toE164('030 1234567', by('DE')), '+49301234567');
  assert.equal(toE164('(030) 123-45 67', by('DE')), '+49301234567');
  assert.equal(toE164('07700 900123', by('GB')), '+447700900123');
  assert.equal(toE164('06 12 34 56 78', by('FR')), '+33612345678');
  // Italy keeps its leading 0 in international form.
  assert.equal(toE164('06 1234 5678', by('IT')), '+390612345678');
  assert.equal(toE164('(415) 555-0123', by('US')), '+14155550123');
  assert.equal(toE164('1 415 555 0123', by('US')), '+14155550123');
  assert.equal(toE164('8 912 345 67 89', by('RU')), '+79123456789');
  assert.equal(toE164('612 345 678', by('ES')), '+34612345678');
});

test('international input wins over the chosen country', () => {
  assert.equal(toE164('+44 7700 900123', by('DE')), '+447700900123');
  assert.equal(toE164('0049 30 1234567', by('US')), '+49301234567');
});

test('what cannot be a number is refused', () => {
  // North America: ten digits, no area code starting with 0 or 1.
  for (const bad of ['0170 1234567', '555 0123', '(015) 555-0123', '1 0345 678 901']) assert.equal(toE164(bad, by('US')), undefined, bad);
  for (const bad of ['', '   ', 'abc', '030 12x4567', '0', '012', '+0301234567', '+49', '1'.repeat(20), '+4930 1234 5678 9012 3']) {
    assert.equal(toE164(bad, by('DE')), undefined, bad);
  }
});

test('default region: the language region, then the browser region, then the US', () => {
  const known = new Set(COUNTRIES.map((c) => c.region));
  assert.equal(regionOf('de-CH'), 'CH');
  assert.equal(regionOf('de'), undefined);
  assert.equal(regionOf('not a tag'), undefined);
  assert.equal(defaultRegion('de-CH', 'en-US', known), 'CH');
  assert.equal(defaultRegion('fr', 'pt-BR', known), 'BR');
  assert.equal(defaultRegion('fr', 'fr', known), 'US');
  assert.equal(defaultRegion(undefined, undefined, known), 'US');
  assert.equal(defaultRegion('en-001', 'en-ZZ', known), 'US');
});

describe('toE164: the edges', () => {
  it('a national number is digits only, at least 4 after the trunk prefix', () => {
    const de = { callingCode: '49', trunk: '0' };
    assert.equal(toE164('030 1234567', de), '+49301234567');
    assert.equal(toE164('123', de), undefined);
    assert.equal(toE164('0123', de), undefined, '3 digits after the trunk 0');
    assert.equal(toE164('12a3456', de), undefined);
    assert.equal(toE164('a123456', de), undefined);
    assert.equal(toE164('123456a', de), undefined);
  });
  it('a North American number is exactly 10 digits, the area code not starting with 0 or 1', () => {
    const us = { callingCode: '1', trunk: '' };
    assert.equal(toE164('2025550123', us), '+12025550123');
    assert.equal(toE164('20255501234', us), undefined, '11 digits');
    assert.equal(toE164('02025550123', us), undefined, 'a 0 before the area code');
  });
});

test('the calling-code table: 209 regions, one of each line of its data read with its trunk prefix', () => {
  assert.equal(COUNTRIES.length, 209);
  const table = Object.fromEntries(COUNTRIES.map((c) => [c.region, `${c.callingCode} ${c.trunk}`]));
  assert.deepEqual(
    ['AD', 'BY', 'CO', 'FR', 'HU', 'KY', 'MM', 'NZ', 'SC', 'TL', 'ZW'].map((r) => table[r]),
    ['376 ', '375 8', '57 ', '33 0', '36 06', '1 1', '95 0', '64 0', '248 ', '670 ', '263 0'],
  );
});
