import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from '../../src/i18n/localize.js';

// format() writes small whole numbers without Intl in languages whose digits are ASCII (the first
// Intl.NumberFormat of a page is slow); it must write exactly what Intl writes.
const LANGS = ['en', 'en-US', 'de-CH', 'fr-CA', 'es-419', 'it', 'nl', 'pl', 'pt-BR', 'sv', 'tr', 'ja', 'zh-CN', 'zh-Hant-TW', 'he', 'ar', 'ar-EG', 'fa', 'en-u-nu-arab', 'hi-u-nu-deva'];

test('small whole numbers in every language read as Intl.NumberFormat writes them', () => {
  for (const lang of LANGS) {
    for (const n of [0, 7, 42, 999, 1000, 12345, 2.5]) {
      assert.equal(format('{n}', { n }, lang).replace(/[\u2068\u2069]/g, ''), new Intl.NumberFormat(lang).format(n), `${lang} ${n}`);
    }
  }
});
