import { describe, expect, it } from 'vitest';
import { optionFields } from '../../../src/services/hygiene/option-fields';
import { RULES, RULES_BY_ID } from '../../../src/hygiene/rules';

const fieldsOf = (id: string) => {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return optionFields(rule);
};

describe('option fields of the settings forms', () => {
  it('gives a day threshold as a whole number with the bounds its schema enforces', () => {
    expect(fieldsOf('stale-in-progress')).toEqual([{ key: 'days', kind: 'integer', min: 1, max: 3650 }]);
  });

  it('gives lists of phrases and switches, in the order the rule declares them', () => {
    expect(fieldsOf('parent-missing')).toEqual([
      { key: 'issueTypes', kind: 'list', maxItems: 50 },
      { key: 'includeDone', kind: 'boolean' },
    ]);
    expect(fieldsOf('summary-placeholder').map((field) => `${field.key}:${field.kind}`)).toEqual([
      'placeholders:list',
      'prefixes:list',
      'minLength:integer',
    ]);
  });

  it('gives no field to a rule without options', () => {
    expect(fieldsOf('due-date-passed')).toEqual([]);
  });

  it('covers every option of every rule: no option is left without a field', () => {
    for (const rule of RULES) {
      const keys = Object.keys(rule.options.parse({})).sort();
      expect(
        optionFields(rule)
          .map((field) => field.key)
          .sort(),
        rule.id,
      ).toEqual(keys);
    }
  });
});
