import { describe, expect, it } from 'vitest';
import { shippedBundle } from '../../../src/templates/bundles';
import { bundleFromPageTree, parseBundleFile, serialiseBundle } from '../../../src/templates/codec';

const minimal = {
  id: 'mine',
  version: '1.0.0',
  language: 'en',
  title: 'Mine',
  variables: [{ name: 'team', type: 'text', label: 'Team' }],
  pages: [{ key: 'home', title: '{{team}} home', body: '<p>Hello {{team}}</p>' }],
};

describe('importing a bundle file', () => {
  it.each([
    ['JSON', JSON.stringify(minimal)],
    [
      'YAML',
      'id: mine\nversion: 1.0.0\nlanguage: en\ntitle: Mine\nvariables:\n  - { name: team, type: text, label: Team }\npages:\n  - key: home\n    title: "{{team}} home"\n    body: "<p>Hello {{team}}</p>"\n',
    ],
  ])('reads a valid %s file', (_format, text) => {
    const result = parseBundleFile(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bundle.pages[0]?.title).toBe('{{team}} home');
  });

  it.each([
    [
      'a page key with capitals',
      { ...minimal, pages: [{ ...minimal.pages[0], key: 'Home' }] },
      'pages[0].key',
    ],
    [
      'a variable of an unknown type',
      { ...minimal, variables: [{ name: 'team', type: 'number', label: 'Team' }] },
      'variables[0].type',
    ],
    ['a version that is not major.minor.patch', { ...minimal, version: 'v1' }, 'version'],
    [
      'a nested child without a title',
      { ...minimal, pages: [{ ...minimal.pages[0], children: [{ key: 'faq', body: '' }] }] },
      'pages[0].children[0].title',
    ],
    ['an unexpected field', { ...minimal, colour: 'red' }, '(root)'],
    [
      'a body that is not well-formed',
      { ...minimal, pages: [{ ...minimal.pages[0], body: '<p>open' }] },
      'pages[0].body',
    ],
    [
      'a body using an undeclared variable',
      { ...minimal, pages: [{ ...minimal.pages[0], body: '<p>{{owner}}</p>' }] },
      'pages[0].body',
    ],
    [
      'a nested child whose body is not well-formed',
      {
        ...minimal,
        pages: [
          {
            ...minimal.pages[0],
            children: [
              { key: 'faq', title: 'FAQ', body: '<p>fine</p>' },
              { key: 'glossary', title: 'Glossary', body: '<ac:task-list><p></ac:task-list>' },
            ],
          },
        ],
      },
      'pages[0].children[1].body',
    ],
    [
      'a page template using an undeclared variable',
      { ...minimal, templates: [{ key: 'prd', name: 'PRD', body: '<p>{{owner}}</p>' }] },
      'templates[0].body',
    ],
  ])('reports %s with its path', (_name, raw, path) => {
    const result = parseBundleFile(JSON.stringify(raw), 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
  });

  it('reports a file that is neither JSON nor YAML', () => {
    const result = parseBundleFile('{ "id": ', 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('(file)');
  });

  it.each(['json', 'yaml'] as const)('a shipped bundle exported as %s imports back identical', (format) => {
    const bundle = shippedBundle('product-ops', 'fr');
    if (!bundle) throw new Error('missing bundle');
    const result = parseBundleFile(serialiseBundle(bundle, format), format);
    expect(result).toEqual({ ok: true, bundle });
  });
});

describe('exporting a page tree as a bundle', () => {
  it('keeps the tree, bodies and labels, and gives each page a unique key', () => {
    const bundle = bundleFromPageTree(
      { id: 'handmade', version: '1.0.0', language: 'fr', title: 'Fait main' },
      [
        { id: '1', title: 'Équipe Paiements', parentId: null, body: '<p>a</p>', labels: ['team'] },
        { id: '2', title: 'FAQ', parentId: '1', body: '<p>b</p>', labels: [] },
        { id: '3', title: 'faq', parentId: '1', body: '<p>c</p>', labels: ['has space'] },
        { id: '4', title: 'Elsewhere', parentId: null, body: '<p>d</p>', labels: [] },
      ],
      '1',
    );
    expect(bundle.pages).toEqual([
      {
        key: 'equipe-paiements',
        title: 'Équipe Paiements',
        body: '<p>a</p>',
        labels: ['team'],
        children: [
          { key: 'faq', title: 'FAQ', body: '<p>b</p>', labels: [], children: [] },
          { key: 'faq-2', title: 'faq', body: '<p>c</p>', labels: [], children: [] },
        ],
      },
    ]);
  });
});
