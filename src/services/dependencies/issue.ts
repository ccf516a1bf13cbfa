/**
 * What one issue waits on and what waits on it, for the issue panel: "blocked by N issues of M other teams".
 * Reads the issue and its linked issues as the user; linked issues the user cannot see stay hidden.
 */
import { discoverFields } from '../../atlassian/fields';
import type { JiraClient } from '../../atlassian/jira';
import {
  AGREEMENTS_PROPERTY,
  analyseDependencies,
  DEFAULT_BLOCKING_WORDS,
  DEFAULT_RISK_RULES,
  type BlockingWords,
  blockingTypesById,
  dependencyFields,
  readBlockingLinks,
  readIssue,
  teamFields,
  type IssueDependencies,
  type RiskRules,
  type TeamByOption,
} from '../../dependencies';
import { resolveTeamBy } from './report';

/** The dependencies of one issue, seen by the user behind `jira`. */
export async function issueDependencies(
  jira: JiraClient,
  issueKey: string,
  teamByOption: TeamByOption,
  now: Date,
  blockingWords: BlockingWords = DEFAULT_BLOCKING_WORDS,
  riskRules: RiskRules = DEFAULT_RISK_RULES,
): Promise<IssueDependencies> {
  const [linkTypes, siteFields] = await Promise.all([jira.issueLinkTypes(), jira.fields()]);
  const discovered = discoverFields(siteFields);
  const teamBy = resolveTeamBy(teamByOption, discovered);
  const fieldIds = { storyPoints: discovered.storyPoints, sprint: discovered.sprint };
  const fields = [...new Set([...dependencyFields(fieldIds), ...teamFields(teamBy)])];
  // A 404 here (missing, or not visible to the user) ends the call: the panel has nothing to show.
  const properties = [AGREEMENTS_PROPERTY];
  const focus = await jira.getIssue(issueKey, fields, { properties });
  const { links, others } = readBlockingLinks(focus, blockingTypesById(linkTypes, blockingWords));
  const otherIds = [...new Set(others.map((o) => o.id))];
  const linked = otherIds.length === 0 ? [] : await jira.bulkFetch(otherIds, fields, { properties });
  // Asked for and not returned: deleted, or not visible to the user. Counted as hidden, on either side.
  const returned = new Set(linked.map((issue) => issue.id));
  const options = { teamBy, fieldIds };
  const focusIssue = readIssue(focus, options, true);
  const report = analyseDependencies({
    issues: [focusIssue, ...linked.map((issue) => readIssue(issue, options, true))],
    links,
    hiddenIds: new Set(otherIds.filter((id) => !returned.has(id))),
    now,
    rules: riskRules,
  });
  const blockedBy = report.dependencies.filter((d) => d.blocked?.key === focus.key);
  const open = blockedBy.filter((d) => d.risk !== 'resolved');
  return {
    key: focus.key,
    team: focusIssue.team,
    blockedBy,
    blocks: report.dependencies.filter((d) => d.blocker?.key === focus.key),
    openBlockers: open.length,
    otherTeams: new Set(open.filter((d) => d.blocker && d.crossTeam).map((d) => d.blockerTeam)).size,
  };
}
