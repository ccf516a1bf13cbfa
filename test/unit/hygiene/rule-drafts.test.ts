import { describe, expect, it } from 'vitest';
import type { InheritedRuleSetting, RuleSettingsData } from '../../../src/contract/hygiene';
import { optionFields } from '../../../src/services/hygiene/option-fields';
import { RULES_BY_ID } from '../../../src/hygiene/rules';
import { draftsOf, settingsOf, type RuleDraft } from '../../../static/src/hygiene/rule-drafts';

/**
 * A rule as a settings page receives it: `inherited` is what applies when the page stores nothing (the
 * organisation's settings on a project page, the built-in defaults on the organisation page); `own` is what the
 * page itself stores on top of it.
 */
function rowOf(
  id: string,
  inherited: Partial<InheritedRuleSetting>,
  own: Partial<InheritedRuleSetting> = {},
  teamsMayOverride = true,
): RuleSettingsData {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  const defaults: InheritedRuleSetting = {
    enabled: true,
    severity: rule.severity,
    options: rule.options.parse({}),
    processUrl: null,
  };
  const below = { ...defaults, ...inherited, options: { ...defaults.options, ...inherited.options } };
  const inForce = { ...below, ...own, options: { ...below.options, ...own.options } };
  return {
    id,
    title: rule.title,
    rationale: rule.rationale,
    fixHint: rule.fixHint,
    defaultSeverity: rule.severity,
    defaultOptions: defaults.options,
    optionFields: optionFields(rule),
    ...inForce,
    teamsMayOverride,
    overridden: Object.keys(own).length > 0,
    inherited: below,
  };
}

/** The organisation turned stale-in-progress off, raised it to an error, shortened it and linked its page. */
const ORG_STALE = {
  enabled: false,
  severity: 'error',
  options: { days: 7 },
  processUrl: 'https://wiki.example.com/process/stale',
} as const;

/** What a page saves for one rule after the admin's edit of its form, starting from what the page showed. */
function saved(row: RuleSettingsData, mode: 'org' | 'project', edit: (draft: RuleDraft) => RuleDraft) {
  const drafts = draftsOf([row]);
  const shown = drafts[row.id];
  if (shown === undefined) throw new Error('no draft');
  const built = settingsOf([row], { [row.id]: edit(shown) }, mode);
  if ('badJson' in built) throw new Error(`bad JSON in ${built.badJson}`);
  return built.settings;
}

const untouched = (draft: RuleDraft) => draft;

describe("a project's overrides are what its admin changed from the organisation's settings", () => {
  it.each([
    [
      'a rule left as the organisation set it stores nothing, not even its process link',
      rowOf('stale-in-progress', ORG_STALE),
      untouched,
      {},
    ],
    [
      'turning on a rule the organisation turned off stores exactly that',
      rowOf('stale-in-progress', ORG_STALE),
      (draft: RuleDraft) => ({ ...draft, enabled: true }),
      { 'stale-in-progress': { enabled: true } },
    ],
    [
      'turning off a rule the organisation keeps on stores exactly that',
      rowOf('stale-in-progress', {}),
      (draft: RuleDraft) => ({ ...draft, enabled: false }),
      { 'stale-in-progress': { enabled: false } },
    ],
    [
      "choosing the rule's built-in severity over the organisation's is kept, beside an earlier override",
      rowOf('stale-in-progress', ORG_STALE, { enabled: true }),
      (draft: RuleDraft) => ({ ...draft, severity: 'warning' as const }),
      { 'stale-in-progress': { enabled: true, severity: 'warning' } },
    ],
    [
      'changing one option stores that option alone, so the organisation keeps the others',
      rowOf('description-too-short', { options: { minWords: 30 } }),
      (draft: RuleDraft) => ({ ...draft, options: JSON.stringify({ minWords: 30, issueTypes: ['bug'] }) }),
      { 'description-too-short': { options: { issueTypes: ['bug'] } } },
    ],
    [
      "putting every value back to the organisation's removes the override",
      rowOf('stale-in-progress', ORG_STALE, { enabled: true, severity: 'info' }),
      (draft: RuleDraft) => ({ ...draft, enabled: false, severity: 'error' as const }),
      {},
    ],
    [
      "a project's own process page is stored",
      rowOf('stale-in-progress', ORG_STALE),
      (draft: RuleDraft) => ({ ...draft, processUrl: ' https://wiki.example.com/pay/stale ' }),
      { 'stale-in-progress': { processUrl: 'https://wiki.example.com/pay/stale' } },
    ],
    [
      "clearing the organisation's process page stores an empty link: no link in this project",
      rowOf('stale-in-progress', ORG_STALE),
      (draft: RuleDraft) => ({ ...draft, processUrl: '' }),
      { 'stale-in-progress': { processUrl: '' } },
    ],
    [
      'a rule the organisation locked stores nothing, whatever its form says',
      rowOf('stale-in-progress', ORG_STALE, {}, false),
      (draft: RuleDraft) => ({ ...draft, enabled: true, severity: 'info' as const }),
      {},
    ],
  ] as const)('%s', (_name, row, edit, expected) => {
    expect(saved(row, 'project', edit)).toEqual(expected);
  });
});

describe("the organisation's rules are what its admin changed from the built-in defaults", () => {
  it.each([
    [
      'turning a rule back on stores nothing: every rule is on by default',
      rowOf('stale-in-progress', {}, { enabled: false }),
      (draft: RuleDraft) => ({ ...draft, enabled: true }),
      {},
    ],
    [
      "a rule left untouched stores its settings as they were, and only those that differ from the rule's",
      rowOf('stale-in-progress', {}, { enabled: false, severity: 'error' }),
      untouched,
      { 'stale-in-progress': { enabled: false, severity: 'error' } },
    ],
    [
      'one changed option is stored alone, so a later change of the other defaults reaches the organisation',
      rowOf('description-too-short', {}),
      (draft: RuleDraft) => ({ ...draft, options: JSON.stringify({ minWords: 30, issueTypes: [] }) }),
      { 'description-too-short': { options: { minWords: 30 } } },
    ],
    [
      'a process page and a lock on the rule are stored',
      rowOf('stale-in-progress', {}),
      (draft: RuleDraft) => ({
        ...draft,
        processUrl: 'https://wiki.example.com/stale',
        teamsMayOverride: false,
      }),
      { 'stale-in-progress': { processUrl: 'https://wiki.example.com/stale', teamsMayOverride: false } },
    ],
  ] as const)('%s', (_name, row, edit, expected) => {
    expect(saved(row, 'org', edit)).toEqual(expected);
  });
});

describe('what teams may override, on the organisation page', () => {
  const row = rowOf('stale-in-progress', {});
  const shown = draftsOf([row])['stale-in-progress'];
  if (shown === undefined) throw new Error('no draft');
  it.each([
    ['a rule following an open default stores nothing', true, true, {}],
    ['a rule locked under an open default stores its lock', true, false, { teamsMayOverride: false }],
    ['a rule following a locked default stores nothing', false, false, {}],
    ['a rule opened under a locked default stores its opening', false, true, { teamsMayOverride: true }],
  ] as const)('%s', (_name, defaultOverride, teamsMayOverride, expected) => {
    const built = settingsOf([row], { [row.id]: { ...shown, teamsMayOverride } }, 'org', defaultOverride);
    expect(built).toEqual({
      settings: Object.keys(expected).length === 0 ? {} : { 'stale-in-progress': expected },
    });
  });
});

describe('options that are not a JSON object', () => {
  it.each(['{"days": ', '[7]', '7', 'null'])('"%s" names the rule and stores nothing', (options) => {
    const row = rowOf('stale-in-progress', {});
    const shown = draftsOf([row])['stale-in-progress'];
    if (shown === undefined) throw new Error('no draft');
    expect(settingsOf([row], { 'stale-in-progress': { ...shown, options } }, 'project')).toEqual({
      badJson: row.title,
    });
  });
});
