import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { candidates, format, type Template } from '../../src/i18n/localize.js';
import type { Table } from '../../src/locales/tables/types.js';
import { en, LOCALES } from '../helpers/en-table.js';

const tables = new Map<string, Table>();
for (const lang of LOCALES) tables.set(lang, (await import(`../../src/locales/tables/${lang}.js`)).default as Table);

const forms = (t: Template): string[] =>
  typeof t === 'string' ? [t] : typeof t === 'function' ? [] : Object.entries(t).filter(([k]) => k !== 'plural').map(([, v]) => v as string);
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[0]));
/** The placeholders English passes for a key: those in its text, and the number its plural is chosen on. */
const union = (t: Template) =>
  new Set([...forms(t).flatMap((f) => [...placeholders(f)]), ...(typeof t === 'object' ? [`{${t.plural}}`] : [])]);
const entries = (table: Table) =>
  Object.entries(table).flatMap(([ns, strings]) => Object.entries(strings as Record<string, Template>).map(([key, t]) => [ns, key, t] as const));

describe('built-in translations', () => {
  it('every table is registered, and every registered table exists', () => {
    const files = readdirSync('src/locales/tables').filter((f) => f !== 'types.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(files.sort(), [...LOCALES].sort());
    const loaders = readFileSync('src/locales/loaders.ts', 'utf8');
    for (const lang of LOCALES) assert.match(loaders, new RegExp(`import\\('\\./tables/${lang}\\.js'\\)`), `${lang} has no loader`);
    assert.ok(LOCALES.length + 1 >= 14, 'fewer than 14 languages');
  });

  for (const lang of LOCALES) {
    describe(lang, () => {
      const table = tables.get(lang)!;
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

      it('has every key of every element, and no other', () => {
        assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort());
        for (const ns of Object.keys(en) as (keyof Table)[]) {
          assert.deepEqual(Object.keys(table[ns]).sort(), Object.keys(en[ns]).sort(), `${lang} ${ns}`);
        }
      });

      it('uses the placeholders of the English text, each with its format', () => {
        for (const [ns, key, t] of entries(table)) {
          const english = (en[ns as keyof Table] as Record<string, Template>)[key]!;
          const required = new Set(forms(english).flatMap((f) => [...placeholders(f)]));
          const allowed = union(english);
          const counted = typeof t === 'object' ? t.plural : undefined;
          for (const text of forms(t)) {
            const own = placeholders(text);
            for (const p of own) assert.ok(allowed.has(p), `${lang} ${key}: ${p} is not in English (${[...allowed]})`);
            // A plural form may spell its number ("one attempt"), never drop another value.
            for (const p of required) if (!p.startsWith(`{${counted}`)) assert.ok(own.has(p), `${lang} ${key}: ${p} missing in “${text}”`);
          }
          if (counted) assert.ok([...allowed].some((p) => p.startsWith(`{${counted}`)), `${lang} ${key}: plural on {${counted}}, which English does not pass`);
        }
      });

      it('has plural forms only of the language’s own categories, always with `other`', () => {
        for (const [, key, t] of entries(table)) {
          if (typeof t !== 'object') continue;
          const own = Object.keys(t).filter((k) => k !== 'plural');
          assert.ok(own.includes('other'), `${lang} ${key} has no other form`);
          for (const form of own) assert.ok(/^=\d+$/.test(form) || categories.includes(form as Intl.LDMLPluralRule), `${lang} ${key}: ${form} is not a ${lang} plural category (${categories})`);
        }
        // A count the user reads has a form for every integer category of the language.
        const attempts = table.common.attemptsLeft;
        const integerCategories = new Set([0, 1, 2, 3, 5, 11, 21, 22, 100, 101].map((n) => new Intl.PluralRules(lang).select(n)));
        for (const c of integerCategories) assert.ok(typeof attempts === 'object' && (c === 'other' || c in attempts), `${lang} attemptsLeft lacks ${c}`);
      });

      it('keeps one kind of apostrophe, without stray spaces', () => {
        const texts = entries(table).flatMap(([, , t]) => forms(t));
        const straight = texts.filter((s) => /\w'\w/.test(s));
        const curly = texts.filter((s) => /\w’\w/.test(s));
        assert.ok(!(straight.length && curly.length), `${lang} mixes ' (${straight[0]}) and ’ (${curly[0]})`);
        for (const s of texts) assert.equal(s, s.trim(), `${lang}: “${s}” has leading or trailing space`);
      });
    });
  }

  it('English keeps one kind of apostrophe too', () => {
    const texts = entries(en).flatMap(([, , t]) => forms(t));
    assert.deepEqual(texts.filter((s) => /\w'\w/.test(s)), []);
  });

  it('French puts a no-break space before : ; ? ! (inside the string)', () => {
    for (const [, key, t] of entries(tables.get('fr')!)) {
      for (const text of forms(t)) assert.doesNotMatch(text.replace(/<[^>]*>/g, ''), /[^\u00a0\u202f][:;?!](?=\s|$)/u, `fr ${key}: “${text}”`);
    }
    assert.equal(format(tables.get('fr')!['mfa-otp-enroll']['otp.appShows'], {}, 'fr'), 'Votre application affichera\u00a0:');
  });

  it('Arabic uses all six plural forms, Polish three', () => {
    const ar = tables.get('ar')!.common.attemptsLeft;
    const arabic = new Set([0, 1, 2, 3, 11, 100].map((count) => format(ar, { count }, 'ar')));
    assert.equal(arabic.size, 6);
    const pl = tables.get('pl')!.common.attemptsLeft;
    assert.deepEqual([1, 2, 5, 22, 25].map((count) => format(pl, { count }, 'pl')), [
      'Pozostała 1 próba.', 'Pozostały 2 próby.', 'Pozostało 5 prób.', 'Pozostały 22 próby.', 'Pozostało 25 prób.',
    ]);
  });
});

describe('formatting by the platform', () => {
  it('a countdown is one unbreakable phrase, in the language’s grammar', () => {
    const fr = format(tables.get('fr')!.common.waitSeconds, { seconds: 28 }, 'fr');
    assert.equal(fr, 'Réessayez dans\u00a028\u00a0secondes.');
    assert.equal(format(en.common.waitSeconds, { seconds: 1 }, 'en'), 'Try again in\u00a01\u00a0second.');
    assert.equal(format(tables.get('pl')!.common.waitSeconds, { seconds: 1 }, 'pl'), 'Spróbuj ponownie za\u00a01\u00a0sekundę.');
    assert.match(format(tables.get('ja')!.common.waitSeconds, { seconds: 28 }, 'ja'), /^28\u00a0?秒後にもう一度/);
  });

  it('a duration and the push clock come from Intl / digits', () => {
    assert.equal(format(tables.get('de')!['mfa-otp-enroll']['otp.periodValue'], { seconds: 30 }, 'de'), '30\u00a0Sekunden');
    assert.equal(format(en['mfa-verify']['verify.push.expiresIn'], { seconds: 125 }, 'en'), 'The request expires in 2:05.');
  });

  it('two sentences are joined as the language joins them (no space in Japanese and Chinese)', () => {
    assert.equal(format(tables.get('ja')!.common.sentences, { first: '送信しました。', second: '再試行。' }, 'ja'), '送信しました。再試行。');
    assert.equal(format(tables.get('zh-CN')!.common.sentences, { first: '已发送。', second: '重试。' }, 'zh-CN'), '已发送。重试。');
    assert.equal(format(en.common.sentences, { first: 'Sent.', second: 'Retry.' }, 'en'), 'Sent. Retry.');
  });

  it('English chooses singular and plural by Intl.PluralRules', () => {
    assert.equal(format(en['mfa-enrollment'].loaded, { enrolled: 3, total: 5 }, 'en'), '3 of 5 methods set up.');
    assert.equal(format(en['mfa-enrollment'].loaded, { enrolled: 1, total: 1 }, 'en'), '1 of 1 method set up.');
  });

  it('in Arabic and Hebrew an interpolated address keeps its own direction', () => {
    const text = format(tables.get('he')!['mfa-enrollment']['code.sent.email'], { to: 'a@b.example' }, 'he');
    assert.ok(text.includes('\u2068a@b.example\u2069'), text);
    assert.ok(!format(en['mfa-enrollment']['code.sent.email'], { to: 'a@b.example' }, 'en').includes('\u2068'));
  });
});

describe('the fallback chain', () => {
  it('pt-PT and pt reach pt-BR; regional tags their language', () => {
    assert.deepEqual(candidates('pt-PT'), ['pt-pt', 'pt', 'pt-br']);
    assert.deepEqual(candidates('pt'), ['pt', 'pt-br']);
    assert.deepEqual(candidates('de-CH'), ['de-ch', 'de']);
    assert.deepEqual(candidates('es-419'), ['es-419', 'es']);
    assert.deepEqual(candidates('iw'), ['iw', 'he']);
  });
  it('Simplified Chinese serves zh and zh-Hans; Traditional never falls to it', () => {
    assert.deepEqual(candidates('zh'), ['zh', 'zh-cn']);
    assert.ok(candidates('zh-Hans-SG').includes('zh-cn'));
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW', 'zh-MO']) {
      const chain = candidates(tag);
      assert.ok(!chain.includes('zh-cn') && !chain.includes('zh'), `${tag}: ${chain}`);
      assert.ok(chain.includes('zh-hant'), `${tag} cannot reach a page's own zh-Hant table: ${chain}`);
    }
  });
});
