import { JiraClient } from '../atlassian/jira';
import { hygienePayloads, type HygieneDefs } from '../contract/hygiene';
import { mayBrowseProject, signedIn } from '../services/guards';
import type { Platform } from '../services/ports';
import { evidenceView } from '../services/hygiene/evidence';
import { acknowledgeFinding, issueFindings, withdrawAcknowledgement } from '../services/hygiene/issue';
import { latestScan, projectReport, reportCsv, scanProgress, trend } from '../services/hygiene/report';
import {
  orgConfigView,
  projectConfigView,
  updateOrgConfig,
  updateProjectConfig,
} from '../services/hygiene/settings';
import { ruleWordsView } from '../services/hygiene/words';
import { defineResolver } from './define';
import type { ResolverMap } from './types';

/** The resolvers of the hygiene surfaces: issue panel, issue context badge, project report, admin pages. */
export function hygieneResolvers(platform: Platform): ResolverMap<HygieneDefs> {
  return {
    /** Findings of one issue; reading it as the user is the authorisation (hidden issues answer 404). */
    'hygiene.issueFindings': defineResolver(
      hygienePayloads['hygiene.issueFindings'],
      async ({ issueKey }, context) => issueFindings(platform, signedIn(context), issueKey),
    ),
    /** Acknowledges one finding with a reason and an expiry; the user must see the issue. */
    'hygiene.acknowledge': defineResolver(
      hygienePayloads['hygiene.acknowledge'],
      async (payload, context) => {
        const principal = signedIn(context);
        await new JiraClient(platform.jira(principal)).getIssue(payload.issueKey, ['summary']);
        await acknowledgeFinding(platform, principal, payload);
        return issueFindings(platform, principal, payload.issueKey);
      },
    ),
    /** Withdraws an acknowledgement, so the finding counts again. */
    'hygiene.withdrawAcknowledgement': defineResolver(
      hygienePayloads['hygiene.withdrawAcknowledgement'],
      async ({ issueKey, rule }, context) => {
        const principal = signedIn(context);
        await new JiraClient(platform.jira(principal)).getIssue(issueKey, ['summary']);
        await withdrawAcknowledgement(platform, issueKey, rule);
        return issueFindings(platform, principal, issueKey);
      },
    ),
    /** The project report over a JQL scope, or a queued scan's first progress for a large scope. */
    'hygiene.projectReport': defineResolver(
      hygienePayloads['hygiene.projectReport'],
      async ({ projectKey, jql }, context) => {
        const principal = signedIn(context);
        await mayBrowseProject(platform, principal, projectKey);
        return projectReport(platform, principal, { projectKey, jql });
      },
    ),
    /** Progress of a queued scan, then its report; only for the user who started it. */
    'hygiene.scanProgress': defineResolver(
      hygienePayloads['hygiene.scanProgress'],
      async ({ scanId }, context) => scanProgress(platform, signedIn(context), scanId),
    ),
    /** The user's latest queued scan of the project (running, failed or done), or null: the page resumes it. */
    'hygiene.latestScan': defineResolver(
      hygienePayloads['hygiene.latestScan'],
      async ({ projectKey }, context) => {
        const principal = signedIn(context);
        await mayBrowseProject(platform, principal, projectKey);
        return latestScan(platform, principal, projectKey);
      },
    ),
    /** Every finding of the scope as CSV; a queued scan's a stored piece at a time. */
    'hygiene.exportCsv': defineResolver(
      hygienePayloads['hygiene.exportCsv'],
      async ({ projectKey, jql, scanId, piece }, context) => {
        const principal = signedIn(context);
        await mayBrowseProject(platform, principal, projectKey);
        const csv = await reportCsv(platform, principal, { projectKey, jql, scanId, piece });
        return {
          filename: `hygiene-${projectKey}-${platform.clock.now().toISOString().slice(0, 10)}.csv`,
          ...csv,
        };
      },
    ),
    /** Nightly snapshots of the project, for the trend chart. */
    'hygiene.trend': defineResolver(hygienePayloads['hygiene.trend'], async ({ projectKey }, context) => {
      await mayBrowseProject(platform, signedIn(context), projectKey);
      return trend(platform, projectKey);
    }),
    /** The organisation's rules; anyone may read them (they explain findings), admins may edit. */
    'hygiene.orgConfig': defineResolver(hygienePayloads['hygiene.orgConfig'], async (_payload, context) =>
      orgConfigView(platform, signedIn(context)),
    ),
    /** Saves the organisation's rules (Jira administrators only). */
    'hygiene.saveOrgConfig': defineResolver(
      hygienePayloads['hygiene.saveOrgConfig'],
      async ({ config }, context) => updateOrgConfig(platform, signedIn(context), config),
    ),
    /** A project's rules in force and its overrides. */
    'hygiene.projectConfig': defineResolver(
      hygienePayloads['hygiene.projectConfig'],
      async ({ projectKey }, context) => projectConfigView(platform, signedIn(context), projectKey),
    ),
    /** Saves a project's overrides (project administrators, rules the organisation leaves open). */
    'hygiene.saveProjectConfig': defineResolver(
      hygienePayloads['hygiene.saveProjectConfig'],
      async ({ projectKey, config }, context) =>
        updateProjectConfig(platform, signedIn(context), projectKey, config),
    ),
    /**
     * Per rule, over the resolved issues of a JQL read as the admin: how the issues it flags ended (Jira
     * administrators only). Small scopes only for now: a larger one answers CONFLICT (`EvidenceLimitDetails`).
     */
    'hygiene.evidence': defineResolver(
      hygienePayloads['hygiene.evidence'],
      async ({ jql, badResolutions }, context) =>
        evidenceView(platform, signedIn(context), { jql, badResolutions }),
    ),
    /** The rules' words: the same text for every signed-in reader, nothing of the site in it. */
    'hygiene.words': defineResolver(hygienePayloads['hygiene.words'], (_payload, context) => {
      signedIn(context);
      return Promise.resolve(ruleWordsView());
    }),
  };
}
