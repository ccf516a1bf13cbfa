import { describe, expect, it } from 'vitest';
import type { BundleVariable } from '../../../src/templates/model';
import { renderStorage, renderTitle } from '../../../src/templates/storage';
import { resolveVariables } from '../../../src/templates/variables';

const variable = (
  name: string,
  type: BundleVariable['type'],
  extra: Partial<BundleVariable> = {},
): BundleVariable => ({
  name,
  type,
  label: name,
  required: true,
  ...extra,
});

describe('validating the values a user gives', () => {
  it.each([
    [
      'a text value is escaped for element text',
      [variable('product', 'text')],
      { product: 'R&D <b>' },
      { product: 'R&amp;D &lt;b&gt;' },
    ],
    [
      'a user becomes a mention',
      [variable('owner', 'user')],
      { owner: '712020:abc-1' },
      { owner: '<ac:link><ri:user ri:account-id="712020:abc-1" /></ac:link>' },
    ],
    [
      'a date becomes a date lozenge',
      [variable('launch', 'date')],
      { launch: '2026-03-01' },
      { launch: '<time datetime="2026-03-01" />' },
    ],
    [
      'a team list is trimmed and joined',
      [variable('teams', 'teamList')],
      { teams: ' Payments , ,Checkout ' },
      { teams: 'Payments, Checkout' },
    ],
    [
      'a missing value takes the default',
      [variable('product', 'text', { default: 'Atlas' })],
      {},
      { product: 'Atlas' },
    ],
    [
      'variables named like Object methods take the value given, or stay empty',
      [variable('constructor', 'text', { required: false }), variable('toString', 'text')],
      { toString: 'Atlas' },
      { constructor: '', toString: 'Atlas' },
    ],
    [
      'an optional variable may stay empty',
      [variable('launch', 'date', { required: false })],
      {},
      { launch: '' },
    ],
  ])('%s', (_name, declared, given, expected) => {
    const result = resolveVariables(declared, given);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(
        Object.fromEntries(Object.entries(result.values).map(([name, value]) => [name, value.markup])),
      ).toEqual(expected);
  });

  it.each([
    ['a required value is missing', [variable('product', 'text')], {}, 'product', 'is required'],
    [
      'a date that does not exist',
      [variable('launch', 'date')],
      { launch: '2026-02-30' },
      'launch',
      'must be a date written YYYY-MM-DD',
    ],
    [
      'a date in another format',
      [variable('launch', 'date')],
      { launch: '01/03/2026' },
      'launch',
      'must be a date written YYYY-MM-DD',
    ],
    [
      'a user given as markup',
      [variable('owner', 'user')],
      { owner: '"><script>' },
      'owner',
      'must be an Atlassian account id (letters, digits, colons, dashes)',
    ],
    [
      'a team list with only commas',
      [variable('teams', 'teamList')],
      { teams: ' , ' },
      'teams',
      'must name at least one team, separated by commas',
    ],
    [
      'a text longer than allowed',
      [variable('product', 'text', { maxLength: 3 })],
      { product: 'Atlas' },
      'product',
      'is longer than 3 characters',
    ],
    [
      'a variable the bundle does not have',
      [variable('product', 'text')],
      { product: 'A', prodcut: 'B' },
      'prodcut',
      'is not a variable of this bundle (expected one of: product)',
    ],
  ])('refuses %s', (_name, declared, given, name, message) => {
    const result = resolveVariables(declared, given);
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ variable: name, message })],
    });
  });
});

describe('variables named like what every object has', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a variable named %s that was not given takes its default, or is refused as required',
    (name) => {
      const optional = resolveVariables(
        [variable(name, 'text', { required: false, default: 'fallback' })],
        {},
      );
      expect(optional).toEqual({ ok: true, values: { [name]: { plain: 'fallback', markup: 'fallback' } } });
      const required = resolveVariables([variable(name, 'text')], {});
      expect(required.ok).toBe(false);
    },
  );
});

describe('rendering with variables named like Object methods', () => {
  it('leaves a placeholder the bundle does not declare as it is, even when Object has such a method', () => {
    const result = resolveVariables([variable('product', 'text')], { product: 'Atlas' });
    expect(result.ok && renderStorage('<p>{{constructor}} {{product}}</p>', result.values)).toBe(
      '<p>{{constructor}} Atlas</p>',
    );
    expect(result.ok && renderTitle('{{toString}} {{product}}', result.values)).toBe('{{toString}} Atlas');
  });
});
