/**
 * Each language's table is fetched only when an element meets that language, along the fallback
 * chain: pt-PT reads Brazilian Portuguese, zh-TW stays English (never Simplified script), a tag
 * without a table fetches nothing. Its own file, so no table is loaded before it starts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/mfa-code-input.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';
import { waitUntil } from '../helpers/wait.js';
import { LOCALES } from '../helpers/en-table.js';

const fetched = () =>
  LOCALES.filter((lang) => performance.getEntriesByType('resource').some((e) => new RegExp(`/src/locales/tables/${lang}\\.(js|ts)(\\?|$)`).test(e.name)));
const label = (wrapper: Element) => wrapper.querySelector<MfaCodeInput>('mfa-code-input')!.shadowRoot!.querySelector('label')!.textContent!.trim();

describe('tables load on demand, along the fallback chain', () => {
  it('nothing is fetched for English, one table per language met, live changes followed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-GB"><mfa-code-input></mfa-code-input></div>`);
    expect(label(wrapper)).to.equal('6-digit code');
    expect(fetched()).to.deep.equal([]);
    wrapper.lang = 'ja';
    await waitUntil(() => label(wrapper) === '6 桁のコード', `Japanese never arrived: ${label(wrapper)}`);
    expect(fetched()).to.deep.equal(['ja']);
    wrapper.lang = 'pl-PL';
    await waitUntil(() => label(wrapper) === 'Kod 6-cyfrowy', `Polish never arrived: ${label(wrapper)}`);
    expect(fetched()).to.have.members(['ja', 'pl']);
  });

  it('pt-PT reads Brazilian Portuguese; zh-TW and zh-Hant stay English and fetch no Simplified table', async () => {
    const pt = await fixture<HTMLDivElement>(html`<div lang="pt-PT"><mfa-code-input></mfa-code-input></div>`);
    await waitUntil(() => label(pt) === 'Código de 6 dígitos', `pt-PT: ${label(pt)}`);
    expect(fetched()).to.include('pt-BR');
    for (const tag of ['zh-TW', 'zh-Hant-HK']) {
      const zh = await fixture<HTMLDivElement>(html`<div lang=${tag}><mfa-code-input></mfa-code-input></div>`);
      await zh.querySelector<MfaCodeInput>('mfa-code-input')!.updateComplete;
      expect(label(zh), tag).to.equal('6-digit code');
    }
    expect(fetched()).not.to.include('zh-CN');
    const hans = await fixture<HTMLDivElement>(html`<div lang="zh-Hans"><mfa-code-input></mfa-code-input></div>`);
    await waitUntil(() => label(hans) === '6 位验证码', `zh-Hans: ${label(hans)}`);
    expect(fetched()).to.include('zh-CN');
  });

  it('a language without a table fetches nothing and stays English', async () => {
    const before = fetched();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="uk"><mfa-code-input></mfa-code-input></div>`);
    await wrapper.querySelector<MfaCodeInput>('mfa-code-input')!.updateComplete;
    expect(label(wrapper)).to.equal('6-digit code');
    expect(fetched()).to.deep.equal(before);
  });
});
