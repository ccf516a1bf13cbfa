import { JiraClient } from '../../atlassian/jira';
import type { OrgConfigView, ProjectConfigView, RuleSettingsData } from '../../contract/hygiene';
import {
  DEFAULT_ORG_CONFIG,
  effectiveRules,
  fieldMapOf,
  type OrgConfig,
  type ProjectConfig,
} from '../../hygiene/config';
import { isJiraAdmin, isProjectAdmin } from '../guards';
import { optionFields } from './option-fields';
import type { Platform, Principal } from '../ports';
import {
  discoveredFieldMap,
  loadOrgConfig,
  loadProjectConfig,
  saveOrgConfig,
  saveProjectConfig,
} from './store';
import { hygieneRefusal } from '../refusals';

/**
 * The rules as a settings page lists them. Each row carries what the page inherits: the built-in defaults for
 * the organisation page (no project given), the organisation's settings for a project page.
 */
function ruleRows(org: OrgConfig, project?: ProjectConfig): RuleSettingsData[] {
  const inherited = new Map(
    effectiveRules(project === undefined ? DEFAULT_ORG_CONFIG : org).map((setting) => [
      setting.rule.id,
      setting,
    ]),
  );
  return effectiveRules(org, project).map((setting) => {
    const below = inherited.get(setting.rule.id) ?? setting;
    return {
      id: setting.rule.id,
      title: setting.rule.title,
      rationale: setting.rule.rationale,
      fixHint: setting.rule.fixHint,
      defaultSeverity: setting.rule.severity,
      defaultOptions: setting.rule.options.parse({}),
      optionFields: optionFields(setting.rule),
      enabled: setting.enabled,
      severity: setting.severity,
      options: setting.options,
      processUrl: setting.processUrl ?? null,
      teamsMayOverride: setting.teamsMayOverride,
      overridden: setting.overridden,
      inherited: {
        enabled: below.enabled,
        severity: below.severity,
        options: below.options,
        processUrl: below.processUrl ?? null,
      },
    };
  });
}

export async function orgConfigView(platform: Platform, principal: Principal): Promise<OrgConfigView> {
  const jira = new JiraClient(platform.jira(principal));
  const canEdit = await isJiraAdmin(jira);
  const config = await loadOrgConfig(platform.store);
  const discovered = await discoveredFieldMap(platform.store, jira, platform.clock.now().getTime());
  return {
    config,
    rules: ruleRows(config),
    discoveredFields: Object.fromEntries(Object.entries(discovered)),
    canEdit,
  };
}

/** Saves the organisation's rules; a bad config is refused whole, naming each rule and option, and nothing changes. */
export async function updateOrgConfig(
  platform: Platform,
  principal: Principal,
  raw: unknown,
): Promise<OrgConfigView> {
  const jira = new JiraClient(platform.jira(principal));
  if (!(await isJiraAdmin(jira))) throw hygieneRefusal('FORBIDDEN', 'notOrgAdmin');
  await saveOrgConfig(platform.store, raw);
  return orgConfigView(platform, principal);
}

export async function projectConfigView(
  platform: Platform,
  principal: Principal,
  projectKey: string,
): Promise<ProjectConfigView> {
  const jira = new JiraClient(platform.jira(principal));
  // Reading the project as the user proves they may browse it (404 otherwise).
  await jira.project(projectKey);
  const canEdit = await isProjectAdmin(jira, projectKey);
  const org = await loadOrgConfig(platform.store);
  const config = await loadProjectConfig(platform.store, projectKey);
  const discovered = await discoveredFieldMap(platform.store, jira, platform.clock.now().getTime());
  return {
    projectKey,
    config,
    inheritedFields: Object.fromEntries(Object.entries(fieldMapOf(org, discovered))),
    rules: ruleRows(org, config),
    canEdit,
  };
}

export async function updateProjectConfig(
  platform: Platform,
  principal: Principal,
  projectKey: string,
  raw: unknown,
): Promise<ProjectConfigView> {
  const jira = new JiraClient(platform.jira(principal));
  if (!(await isProjectAdmin(jira, projectKey))) {
    throw hygieneRefusal('FORBIDDEN', 'notProjectAdmin', { project: projectKey });
  }
  await saveProjectConfig(platform.store, projectKey, raw);
  return projectConfigView(platform, principal, projectKey);
}
