import type { JiraClient } from '../../atlassian/jira';
import { confluencePagePath } from '../../contract/templates';
import { effectiveRules, fieldMapOf, type EffectiveRule, type OrgConfig } from '../../hygiene/config';
import type { Acknowledgement, FieldMap } from '../../hygiene/types';
import type { KeyValueStore } from '../ports';
import {
  discoveredFieldMap,
  installedProcessPage,
  loadOrgConfig,
  loadProjectConfig,
  type ProcessPage,
} from './store';

/** What a scan needs besides the issues: the rules in force, where the fields live, the time, the acks. */
export interface ScanSettings {
  readonly rules: readonly EffectiveRule[];
  readonly fieldMap: FieldMap;
  readonly now: number;
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Fields every scan reads whatever the rules: what reports and children counting show. */
const BASE_FIELDS = ['summary', 'issuetype', 'status', 'assignee', 'parent'];

/** The Jira fields to ask for: the union of what the enabled rules read, mapped fields resolved. */
export function fieldsToRead(rules: readonly EffectiveRule[], fieldMap: FieldMap): string[] {
  const fields = new Set(BASE_FIELDS);
  if (fieldMap.team !== undefined) fields.add(fieldMap.team);
  for (const setting of rules) {
    if (!setting.enabled) continue;
    for (const need of setting.rule.fields) {
      const id = typeof need === 'string' ? need : fieldMap[need.mapped];
      if (id !== undefined) fields.add(id);
    }
  }
  if (fields.has('statuscategorychangedate') || fields.has('status')) fields.add('statuscategorychangedate');
  return [...fields];
}

/**
 * The settings in force for a project (organisation defaults, the project's overrides where allowed), with
 * the field map discovered once a day. `only` narrows to some rule ids (the CLI's `--rules`).
 */
export async function loadSettings(
  store: KeyValueStore,
  jira: JiraClient,
  options: {
    projectKey?: string | undefined;
    now: number;
    only?: readonly string[] | undefined;
    acknowledgements: readonly Acknowledgement[];
    /** Replaces the stored organisation config (the CLI's `--config FILE`). */
    org?: OrgConfig | undefined;
  },
): Promise<ScanSettings> {
  // Independent reads at once: on Forge each is a round trip to the store.
  const [org, discovered, processPage] = await Promise.all([
    options.org ?? loadOrgConfig(store),
    discoveredFieldMap(store, jira, options.now),
    installedProcessPage(store),
  ]);
  const project = await loadProjectConfig(store, options.projectKey, org);
  const key = JSON.stringify([org, project, discovered, processPage ?? null, options.only ?? null]);
  let cached = settingsCache.get(key);
  if (cached === undefined) {
    const only = options.only === undefined ? undefined : new Set(options.only);
    const rules = effectiveRules(org, project).map((setting) => ({
      ...setting,
      enabled: setting.enabled && (only === undefined || only.has(setting.rule.id)),
      processUrl: setting.processUrl ?? (processPage && processPageUrl(processPage, setting.rule.id)),
    }));
    cached = { rules, fieldMap: fieldMapOf(org, discovered, project) };
    // A warm Forge function (or the playground) keeps this between invocations; a handful of configs at most.
    if (settingsCache.size >= 32) settingsCache.clear();
    settingsCache.set(key, cached);
  }
  return { ...cached, now: options.now, acknowledgements: options.acknowledgements };
}

/**
 * A rule's place on the product-ops "Jira hygiene" page, site-relative (the app's frame prefixes the site): the
 * page explains every rule under an anchor `rule-<id>`.
 */
function processPageUrl(page: ProcessPage, ruleId: string): string {
  return `${confluencePagePath(page.spaceKey, page.pageId)}#rule-${ruleId}`;
}

/** Effective rules per stored configuration: parsing 17 option schemas on every panel load is wasted work. */
const settingsCache = new Map<string, Pick<ScanSettings, 'rules' | 'fieldMap'>>();
