import type {
  HygieneSeverity,
  InheritedRuleSetting,
  RuleSettingsData,
  StoredRuleSetting,
} from '@contract/hygiene';

/** A rule's row of a settings form, as the admin edits it. */
export interface RuleDraft {
  readonly enabled: boolean;
  readonly severity: HygieneSeverity;
  /** The options as JSON text, parsed on save. */
  readonly options: string;
  /** Empty: no link of this page's own. */
  readonly processUrl: string;
  readonly teamsMayOverride: boolean;
}

export type RuleDrafts = Record<string, RuleDraft>;

function draftOf(setting: InheritedRuleSetting, teamsMayOverride: boolean): RuleDraft {
  return {
    enabled: setting.enabled,
    severity: setting.severity,
    options: JSON.stringify(setting.options),
    processUrl: setting.processUrl ?? '',
    teamsMayOverride,
  };
}

/** The form as the page opens: each rule with the settings in force. */
export function draftsOf(rules: readonly RuleSettingsData[]): RuleDrafts {
  return Object.fromEntries(rules.map((rule) => [rule.id, draftOf(rule, rule.teamsMayOverride)]));
}

/** A rule's row put back to what the page inherits (the organisation's settings, on a project page). */
export function inheritedDraft(rule: RuleSettingsData): RuleDraft {
  return draftOf(rule.inherited, rule.teamsMayOverride);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The options a draft's JSON text holds, when it is a JSON object. */
export function parseOptions(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What one rule's row stores: each setting that differs from what the page inherits, and options key by key
 * (the core merges them key by key), so whatever the admin left alone keeps following the level below.
 */
function changesOf(
  rule: RuleSettingsData,
  draft: RuleDraft,
  mode: 'org' | 'project',
  defaultOverride: boolean,
): StoredRuleSetting | 'badJson' {
  const options = parseOptions(draft.options);
  if (options === undefined) return 'badJson';
  const base = rule.inherited;
  const changedOptions = Object.fromEntries(
    Object.entries(options).filter(([key, value]) => !same(value, base.options[key])),
  );
  const processUrl = draft.processUrl.trim();
  return {
    ...(draft.enabled !== base.enabled && { enabled: draft.enabled }),
    ...(draft.severity !== base.severity && { severity: draft.severity }),
    ...(Object.keys(changedOptions).length > 0 && { options: changedOptions }),
    // An empty link over an inherited one means "no process page here".
    ...(processUrl !== (base.processUrl ?? '') && { processUrl }),
    // The organisation's default says whether teams may change a rule; a row stores only its exception.
    ...(mode === 'org' &&
      draft.teamsMayOverride !== defaultOverride && { teamsMayOverride: draft.teamsMayOverride }),
  };
}

/**
 * The settings a page saves: only what differs from what it inherits (the rule's defaults on the organisation
 * page, the organisation's settings on a project page), so a later change below reaches everyone who did not
 * choose otherwise, and a row put back to the inherited values drops its override. A project stores nothing
 * for a rule the organisation locked. Returns the title of a rule whose options are not a JSON object.
 */
export function settingsOf(
  rules: readonly RuleSettingsData[],
  drafts: RuleDrafts,
  mode: 'org' | 'project',
  /** Organisation page: whether teams may override rules that do not say otherwise. */
  defaultOverride = true,
): { settings: Record<string, StoredRuleSetting> } | { badJson: string } {
  const settings: Record<string, StoredRuleSetting> = {};
  for (const rule of rules) {
    const draft = drafts[rule.id];
    if (draft === undefined || (mode === 'project' && !rule.teamsMayOverride)) continue;
    const changes = changesOf(rule, draft, mode, defaultOverride);
    if (changes === 'badJson') return { badJson: rule.title };
    if (Object.keys(changes).length > 0) settings[rule.id] = changes;
  }
  return { settings };
}

/** Whether a project's row would store anything: it differs from the organisation's settings. */
export function differsFromInherited(rule: RuleSettingsData, draft: RuleDraft): boolean {
  const changes = changesOf(rule, draft, 'project', true);
  return changes === 'badJson' || Object.keys(changes).length > 0;
}
