import { z } from 'zod';
import { RULES, RULES_BY_ID } from './rules';
import type { FieldMap, HygieneRule, Severity } from './types';

/**
 * Hygiene configuration: organisation defaults set by a Jira admin, and per-project overrides that a project
 * may set only for the rules the organisation lets teams override. Stored as JSON in the key-value store.
 */
const severity = z.enum(['error', 'warning', 'info']);
const url = z.url({ protocol: /^https?$/ }).max(2000);

const ruleSettingSchema = z
  .object({
    enabled: z.boolean().optional(),
    severity: severity.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    processUrl: url.or(z.literal('')).optional(),
    /** Organisation only: whether projects may change this rule. */
    teamsMayOverride: z.boolean().optional(),
  })
  .strict();

const fieldId = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,99}$/, 'a Jira field id such as customfield_10016');

const fieldMapSchema = z
  .object({
    storyPoints: fieldId.optional(),
    sprint: fieldId.optional(),
    team: fieldId.optional(),
    flagged: fieldId.optional(),
    acceptanceCriteria: fieldId.optional(),
    stepsToReproduce: fieldId.optional(),
  })
  .strict();

const orgConfigSchema = z
  .object({
    rules: z.record(z.string(), ruleSettingSchema).default({}),
    fieldMap: fieldMapSchema.default({}),
    /** Default for rules that do not say: may projects override them? */
    teamsMayOverride: z.boolean().default(true),
  })
  .strict();

const projectConfigSchema = z
  .object({
    rules: z.record(z.string(), ruleSettingSchema.omit({ teamsMayOverride: true })).default({}),
    /**
     * Where this project's fields live, over the organisation's mapping: a fact about the project's screens
     * (its story points may be another field), not a policy, so it is never locked.
     */
    fieldMap: fieldMapSchema.default({}),
  })
  .strict();

export type RuleSetting = z.output<typeof ruleSettingSchema>;
export type OrgConfig = z.output<typeof orgConfigSchema>;
export type ProjectConfig = z.output<typeof projectConfigSchema>;

export const DEFAULT_ORG_CONFIG: OrgConfig = { rules: {}, fieldMap: {}, teamsMayOverride: true };
export const DEFAULT_PROJECT_CONFIG: ProjectConfig = { rules: {}, fieldMap: {} };

/** One problem in a configuration, named the way the admin page shows it. */
export interface ConfigProblem {
  readonly rule?: string | undefined;
  readonly option?: string | undefined;
  readonly message: string;
}

export type Checked<T> =
  { readonly ok: true; readonly config: T } | { readonly ok: false; readonly problems: ConfigProblem[] };

function problem(rule: string | undefined, option: string | undefined, detail: string): ConfigProblem {
  const where = [rule === undefined ? '' : `rule "${rule}"`, option === undefined ? '' : `option "${option}"`]
    .filter((s) => s.length > 0)
    .join(', ');
  return { rule, option, message: where.length > 0 ? `${where}: ${detail}` : detail };
}

function checkRules(rules: Record<string, Omit<RuleSetting, 'teamsMayOverride'>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    const rule = RULES_BY_ID.get(id);
    if (rule === undefined) {
      problems.push(problem(id, undefined, `unknown rule (known: ${[...RULES_BY_ID.keys()].join(', ')})`));
      continue;
    }
    if (setting.options === undefined) continue;
    const parsed = rule.options.safeParse(setting.options);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
      for (const key of keys)
        problems.push(
          problem(
            id,
            key || undefined,
            issue.code === 'unrecognized_keys' ? 'unknown option' : issue.message,
          ),
        );
    }
  }
  return problems;
}

function shapeProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => {
    const [top, rule, key, option] = issue.path.map(String);
    if (top === 'rules' && rule !== undefined) {
      const name = key === 'options' ? option : key;
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : name;
      return problem(rule, keys, issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.message);
    }
    return problem(undefined, issue.path.map(String).join('.') || undefined, issue.message);
  });
}

/** Validates an organisation config; on failure every problem names its rule and option. */
export function checkOrgConfig(raw: unknown): Checked<OrgConfig> {
  const parsed = orgConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error) };
  const problems = checkRules(parsed.data.rules);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: parsed.data };
}

/** Validates a project's overrides against the organisation's: a locked rule cannot be overridden. */
export function checkProjectConfig(raw: unknown, org: OrgConfig): Checked<ProjectConfig> {
  const parsed = projectConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error) };
  const problems = checkRules(parsed.data.rules);
  for (const id of Object.keys(parsed.data.rules)) {
    if (RULES_BY_ID.has(id) && !teamsMayOverride(org, id)) {
      problems.push(problem(id, undefined, 'the organisation does not let projects override this rule'));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: parsed.data };
}

function teamsMayOverride(org: OrgConfig, ruleId: string): boolean {
  return org.rules[ruleId]?.teamsMayOverride ?? org.teamsMayOverride;
}

/** A rule with the settings that apply in one project. */
export interface EffectiveRule {
  readonly rule: HygieneRule;
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
  readonly processUrl?: string | undefined;
  readonly overridden: boolean;
  readonly teamsMayOverride: boolean;
}

/**
 * The settings in force: rule defaults, then the organisation's, then the project's where allowed. Options merge
 * key by key, so a project that changes one threshold keeps the organisation's other options.
 */
export function effectiveRules(
  org: OrgConfig,
  project: Pick<ProjectConfig, 'rules'> = DEFAULT_PROJECT_CONFIG,
): EffectiveRule[] {
  return RULES.map((rule) => {
    const orgSetting = org.rules[rule.id] ?? {};
    const mayOverride = teamsMayOverride(org, rule.id);
    const projectSetting = mayOverride ? project.rules[rule.id] : undefined;
    const options = rule.options.parse({ ...orgSetting.options, ...projectSetting?.options });
    const processUrl = projectSetting?.processUrl ?? orgSetting.processUrl ?? rule.processUrl;
    return {
      rule,
      enabled: projectSetting?.enabled ?? orgSetting.enabled ?? true,
      severity: projectSetting?.severity ?? orgSetting.severity ?? rule.severity,
      options,
      processUrl: processUrl === '' ? undefined : processUrl,
      overridden: projectSetting !== undefined,
      teamsMayOverride: mayOverride,
    };
  });
}

export function fieldMapOf(
  org: OrgConfig,
  discovered: FieldMap = {},
  project: Pick<ProjectConfig, 'fieldMap'> = DEFAULT_PROJECT_CONFIG,
): FieldMap {
  return { ...discovered, ...org.fieldMap, ...project.fieldMap };
}
