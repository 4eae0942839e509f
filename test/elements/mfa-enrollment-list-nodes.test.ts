import { expect } from '@open-wc/testing';
import { $$, setup } from './mfa-enrollment-helpers.js';

// Issue 15: the list is drawn with no text or comment nodes that render nothing (in these flex rows
// whitespace is never a visible space; they were a third of the shadow nodes and slowed long lists).
describe('<mfa-enrollment> list nodes', () => {
  it('has no whitespace-only text and no authored comments inside factor and authenticator rows', async () => {
    const { el } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }, { factor: 'email', email: 'a@example.com' }] });
    const rows = $$(el, '[part~="factor"]');
    expect(rows.length).to.be.greaterThan(0);
    const idle: string[] = [];
    for (const row of rows) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = (node.parentElement?.getAttribute('part') ?? node.parentElement?.className) || node.parentElement?.localName;
        // Lit's own markers are empty comments or `?lit$…$`; anything else is authored.
        if (node.nodeType === Node.COMMENT_NODE && node.textContent !== '' && !node.textContent!.startsWith('?lit$')) idle.push(`comment in ${parent}`);
        if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() === '' && node.parentElement?.closest('[part~="factor"], [part~="authenticator"], .title-line, button'))
          idle.push(`whitespace in ${parent}`);
      }
    }
    expect(idle).to.deep.equal([]);
  });

  it('draws a usual authenticator row in as many nodes as a hand-written one: the row, its name and its Remove, each text without markers', async () => {
    const { el } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }, { factor: 'email', email: 'a@example.com' }] });
    const rows = $$(el, '[part~="authenticator"]');
    expect(rows.length).to.be.greaterThan(1);
    for (const row of rows) {
      const shape = [row, ...row.querySelectorAll('*')].flatMap((node) => [node.localName, ...[...node.childNodes].filter((c) => c.nodeType !== Node.ELEMENT_NODE).map((c) => c.nodeName)]);
      expect(shape).to.deep.equal(['li', 'span', '#text', 'button', '#text']);
      expect(row.querySelector('[part~="remove-button"]')!.textContent).to.equal('Remove');
    }
  });
});
