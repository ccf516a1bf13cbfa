import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blockLead,
  mayStartWithPhrase,
  normalisedPhrases,
  startsWithPhrase,
} from '../../../src/hygiene/description/phrases';
import { describe as describeText } from '../../../src/hygiene/description/read';
import { findSection, sectionText } from '../../../src/hygiene/description/sections';
import { adf, bold, bullets, checklist, h, numbered, p } from './issues';

describe('reading descriptions', () => {
  it.each([
    ['an ADF paragraph', adf(p('Checkout fails on retry')), 4],
    ['ADF lists and headings', adf(h(2, 'Scope'), bullets('one item', 'two items'), numbered('three')), 6],
    ['wiki markup with links and bold', 'The *export* fails, see [the log|https://example.com/log] now', 7],
    ['wiki code blocks', '{code:java}\nint a = 1;\n{code}\nText here', 6],
    ['nothing', null, 0],
  ])('counts the words of %s', (_name, value, words) => {
    expect(describeText(value).words).toBe(words);
  });

  it('reads the inline nodes of a paragraph: mentions, emoji, links, breaks, and text inside unknown nodes', () => {
    const doc = adf({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ask ' },
        { type: 'mention', attrs: { id: 'acc-1', text: '@Priya' } },
        { type: 'text', text: ' about' },
        { type: 'hardBreak' },
        { type: 'inlineCard', attrs: { url: 'https://example.com/spec' } },
        { type: 'text', text: ' ' },
        { type: 'emoji', attrs: { shortName: ':tada:', text: '🎉' } },
        { type: 'futureInline', content: [{ type: 'text', text: ' nested words' }] },
      ],
    });
    const model = describeText(doc);
    expect(model.text).toBe('Ask @Priya about https://example.com/spec 🎉 nested words');
    expect(model.words).toBe(7);
  });

  it('finds a section under a heading up to the next heading of the same level', () => {
    const model = describeText(
      adf(
        h(2, 'Context'),
        p('a'),
        h(2, 'Acceptance criteria :'),
        checklist('x', 'y'),
        h(3, 'Edge cases'),
        p('z'),
        h(2, 'Notes'),
        p('n'),
      ),
    );
    const section = findSection(model, ['acceptance criteria']);
    expect(section?.blocks.map((b) => b.kind)).toEqual(['task', 'heading', 'paragraph']);
    expect(section?.blocks[0]?.items).toBe(2);
  });

  it('treats a bold paragraph as a label heading', () => {
    const model = describeText(adf(bold('Expected'), p('It saves'), bold('Actual'), p('It crashes')));
    const section = findSection(model, ['expected']);
    expect(section === undefined ? '' : sectionText(section)).toBe('It saves');
  });

  it('reads the text after a colon on a label line', () => {
    const model = describeText('Expected: the invoice total includes tax');
    const section = findSection(model, ['expected']);
    expect(section?.inline).toBe('the invoice total includes tax');
  });

  it('never skips a block whose lead starts with a phrase when it pre-checks the first letter', () => {
    const phrases = ['Steps to reproduce', 'Étapes', 'Expected', 'Résultat attendu', '1. Setup'];
    const piece = fc.constantFrom(
      ...['Steps', 'steps', 'STEPS', 'to', 'reproduce', 'Étapes', 'étapes', 'E', 'É', 'Expected', 'Résultat'],
      ...['attendu', '1.', 'Setup', '*', '—', '-', ':', ' ', '  ', '\t', 'x', 'ß', 'İ', '😀', '"', '('],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `${pieces.join(' ')} end`;
        const read = describeText(text).blocks[0];
        const checked = describeText(text).blocks[0];
        if (read === undefined || checked === undefined) return;
        const lead = blockLead(read);
        if (normalisedPhrases(phrases).some((phrase) => startsWithPhrase(lead, phrase)))
          expect(mayStartWithPhrase(checked, phrases)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('skips blocks that start with another letter, and reads accented first letters in full', () => {
    const first = (text: string) => {
      const block = describeText(text).blocks[0];
      if (block === undefined) throw new Error(`no block in ${text}`);
      return block;
    };
    expect(mayStartWithPhrase(first('Build fails on the second run'), ['Steps to reproduce'])).toBe(false);
    expect(mayStartWithPhrase(first('  *Steps:* open the app'), ['Steps to reproduce'])).toBe(true);
    expect(mayStartWithPhrase(first('Étapes : ouvrir'), ['Étapes'])).toBe(true);
  });
});
