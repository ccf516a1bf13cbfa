import { describe, expect, it } from 'vitest';
import {
  checkOrgConfig,
  checkProjectConfig,
  effectiveRules,
  type OrgConfig,
} from '../../../src/hygiene/config';

const rule = (rules: ReturnType<typeof effectiveRules>, id: string) => rules.find((r) => r.rule.id === id);

describe('checking an organisation config', () => {
  it.each([
    [
      'an unknown rule id',
      { rules: { 'no-such-rule': { enabled: false } } },
      'rule "no-such-rule": unknown rule',
    ],
    [
      'a threshold out of range',
      { rules: { 'stale-in-progress': { options: { days: 0 } } } },
      'rule "stale-in-progress", option "days":',
    ],
    [
      'a threshold of the wrong type',
      { rules: { 'description-too-short': { options: { minWords: 'ten' } } } },
      'option "minWords"',
    ],
    [
      'an unknown option',
      { rules: { 'due-date-passed': { options: { graceDays: 2 } } } },
      'rule "due-date-passed", option "graceDays": unknown option',
    ],
    [
      'an unknown severity',
      { rules: { 'epic-empty': { severity: 'fatal' } } },
      'rule "epic-empty", option "severity"',
    ],
    [
      'a process link that is not a web address',
      { rules: { 'epic-empty': { processUrl: 'javascript:alert(1)' } } },
      'option "processUrl"',
    ],
    ['a field id that is not one', { fieldMap: { storyPoints: 'Story Points' } }, 'fieldMap.storyPoints'],
  ])('refuses %s, naming where', (_name, raw, expected) => {
    const checked = checkOrgConfig(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.message).join('\n')).toContain(expected);
  });

  it('accepts an empty config as all defaults', () => {
    const checked = checkOrgConfig({});
    expect(checked.ok && effectiveRules(checked.config).every((r) => r.enabled)).toBe(true);
  });
});

describe('effective settings', () => {
  const org: OrgConfig = {
    teamsMayOverride: true,
    fieldMap: {},
    rules: {
      'stale-in-progress': { options: { days: 10 }, processUrl: 'https://wiki.example.com/wip' },
      'epic-empty': { enabled: false },
      'due-date-passed': { severity: 'warning', teamsMayOverride: false },
    },
  };

  it('applies organisation settings over rule defaults', () => {
    const rules = effectiveRules(org);
    expect(rule(rules, 'stale-in-progress')?.options).toEqual({ days: 10 });
    expect(rule(rules, 'stale-in-progress')?.processUrl).toBe('https://wiki.example.com/wip');
    expect(rule(rules, 'epic-empty')?.enabled).toBe(false);
    expect(rule(rules, 'due-date-passed')?.severity).toBe('warning');
    expect(rule(rules, 'description-too-short')?.options).toEqual({ minWords: 15, issueTypes: [] });
  });

  it('applies a project override where teams may choose', () => {
    const rules = effectiveRules(org, {
      rules: { 'stale-in-progress': { severity: 'error' }, 'epic-empty': { enabled: true } },
    });
    expect(rule(rules, 'stale-in-progress')).toMatchObject({
      severity: 'error',
      options: { days: 10 },
      overridden: true,
    });
    expect(rule(rules, 'epic-empty')?.enabled).toBe(true);
  });

  it('ignores a stored project override of a locked rule, and refuses to save a new one', () => {
    const project = { rules: { 'due-date-passed': { enabled: false } } };
    expect(rule(effectiveRules(org, project), 'due-date-passed')?.enabled).toBe(true);
    const checked = checkProjectConfig(project, org);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems[0]?.message).toContain(
        'rule "due-date-passed": the organisation does not let projects override',
      );
  });

  it('locks every rule when the organisation says teams may not override by default', () => {
    const checked = checkProjectConfig(
      { rules: { 'epic-empty': { enabled: false } } },
      { ...org, teamsMayOverride: false },
    );
    expect(checked.ok).toBe(false);
  });
});
