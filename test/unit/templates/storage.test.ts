import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  bodyHash,
  escapeAttribute,
  escapeCdata,
  escapeText,
  renderStorage,
  renderTitle,
  storageError,
  type RenderedValue,
} from '../../../src/templates/storage';

const text = (value: string): RenderedValue => ({ plain: value, markup: escapeText(value) });

describe('escaping a value for storage format', () => {
  it.each([
    [
      'a script tag in text becomes visible text',
      escapeText('<script>alert(1)</script>'),
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ],
    ['an ampersand in text becomes an entity', escapeText('R&D'), 'R&amp;D'],
    [
      'quotes in an attribute cannot close it',
      escapeAttribute(`say "hi" & 'bye'`),
      'say &quot;hi&quot; &amp; &apos;bye&apos;',
    ],
    ['a CDATA terminator is split across two sections', escapeCdata('a]]>b'), 'a]]]]><![CDATA[>b'],
    ['CDATA keeps < and & as they are', escapeCdata('<b> & c'), '<b> & c'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('rendering variables where they stand', () => {
  const values = { name: text('<script>x</script> & "q" ]]>'), team: text('Payments') };

  it.each([
    [
      'in element text, markup is escaped',
      '<p>{{name}}</p>',
      '<p>&lt;script&gt;x&lt;/script&gt; &amp; "q" ]]&gt;</p>',
    ],
    [
      'in an attribute, quotes are escaped too',
      '<a href="https://x/{{name}}">x</a>',
      '<a href="https://x/&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; ]]&gt;">x</a>',
    ],
    [
      'in CDATA, only the terminator is split',
      '<ac:plain-text-body><![CDATA[{{name}}]]></ac:plain-text-body>',
      '<ac:plain-text-body><![CDATA[<script>x</script> & "q" ]]]]><![CDATA[>]]></ac:plain-text-body>',
    ],
    [
      'a > inside an attribute value does not end the tag',
      '<a title="a>b {{team}}">{{team}}</a>',
      '<a title="a>b Payments">Payments</a>',
    ],
    [
      'after a CDATA section ends, text rules apply again',
      '<![CDATA[{{team}}]]><p>{{name}}</p>',
      '<![CDATA[Payments]]><p>&lt;script&gt;x&lt;/script&gt; &amp; "q" ]]&gt;</p>',
    ],
    ['unknown variables are left untouched', '<p>{{other}}</p>', '<p>{{other}}</p>'],
  ])('%s', (_name, source, expected) => {
    expect(renderStorage(source, values)).toBe(expected);
  });

  it('a hostile value never breaks the page: the result still parses as XML with one paragraph', () => {
    const body = renderStorage(
      '<p title="{{name}}">{{name}}</p><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[{{name}}]]></ac:plain-text-body></ac:structured-macro>',
      values,
    );
    expect(storageError(body)).toBeNull();
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(`<root>${body}</root>`) as {
      root: { p: { '#text': string } };
    };
    expect(parsed.root.p['#text']).toBe('<script>x</script> & "q" ]]>');
  });

  it.each([
    ['a bell', '\x07'],
    ['a vertical tab', '\x0b'],
    ['a NUL', '\x00'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['a lone surrogate', '\ud800'],
  ])('drops %s from a value, in text, attributes, CDATA and titles', (_name, forbidden) => {
    const pasted = { name: text(`Atlas${forbidden} v2`) };
    const body = renderStorage(
      '<p title="{{name}}">{{name}}</p><ac:plain-text-body><![CDATA[{{name}}]]></ac:plain-text-body>',
      pasted,
    );
    expect(body).toBe(
      '<p title="Atlas v2">Atlas v2</p><ac:plain-text-body><![CDATA[Atlas v2]]></ac:plain-text-body>',
    );
    expect(storageError(body)).toBeNull();
    expect(renderTitle('{{name}} home', pasted)).toBe('Atlas v2 home');
  });

  it('keeps tabs, line breaks and characters beyond the basic plane', () => {
    expect(renderStorage('<p>{{name}}</p>', { name: text('a\tb\nc 🚀 é') })).toBe('<p>a\tb\nc 🚀 é</p>');
  });

  it('titles get the plain value, trimmed', () => {
    expect(renderTitle(' {{team}} & co ', values)).toBe('Payments & co');
  });
});

describe('checking storage format', () => {
  it.each([
    [
      'a body with ac and ri namespaces is well formed',
      '<p><ac:link><ri:user ri:account-id="1" /></ac:link></p>',
      true,
    ],
    ['an unclosed paragraph is refused', '<p>open', false],
    ['a bare ampersand is refused', '<p>R&D</p>', false],
    ['a non-breaking space entity is accepted', '<p>a&nbsp;b</p>', true],
    ['a bell character (which XML forbids) is refused', '<p>ring\x07</p>', false],
    ['U+FFFE (which XML forbids) is refused', '<p>\ufffe</p>', false],
  ])('%s', (_name, body, valid) => {
    expect(storageError(body) === null).toBe(valid);
  });
});

describe('fingerprinting a body', () => {
  it('ignores re-indentation between tags', () => {
    expect(bodyHash('<p>a</p>\n  <p>b</p>')).toBe(bodyHash('<p>a</p><p>b</p>'));
  });
  it('changes when a word changes', () => {
    expect(bodyHash('<p>a</p>')).not.toBe(bodyHash('<p>b</p>'));
  });
});
