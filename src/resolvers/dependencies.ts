import { JiraClient } from '../atlassian/jira';
import type { z } from 'zod';
import {
  dependenciesPayloads,
  type agreementChangeSchema,
  type DependenciesDefs,
} from '../contract/dependencies';
import {
  checkBlockingWords,
  declineReason,
  isCalendarDay,
  teamFieldChoices,
  type AgreementChange,
  type TeamByOption,
} from '../dependencies';
import { agreeOnDependency } from '../services/dependencies/agreement';
import { issueDependencies } from '../services/dependencies/issue';
import { scopeLabel } from '../services/dependencies/scope';
import {
  loadDependencySettings,
  previewLinkTypes,
  settingsView,
  updateDependencySettings,
} from '../services/dependencies/settings';
import { mayBrowseProject, signedIn } from '../services/guards';
import {
  latestWork,
  outcomeFor,
  startDependencyWork,
  workProgress,
  type WorkRequest,
} from '../services/dependencies/work';
import type { Platform, Principal } from '../services/ports';
import { defineResolver } from './define';
import type { ResolverMap } from './types';
import { dependenciesRefusal } from '../services/refusals';
import { teamByOf as teamByOfText } from '../services/dependencies/outcome';

/** The team dimension a page asked for; the project when it asked for none. */
const teamByOf = (text: string | undefined): TeamByOption => teamByOfText(text ?? 'project');

/** The change as the core takes it: a day that exists, a reason folded and of a sentence or two. */
function agreementChangeOf(change: z.output<typeof agreementChangeSchema>): AgreementChange {
  if (change.kind === 'decline') {
    const reason = declineReason(change.reason);
    if (reason === null) throw dependenciesRefusal('INVALID_INPUT', 'noReason', {}, { field: 'reason' });
    return { kind: 'decline', reason };
  }
  const day = change.kind === 'ask' ? change.neededBy : change.committedBy;
  if (!isCalendarDay(day)) throw dependenciesRefusal('INVALID_INPUT', 'notADay', { day }, { field: 'day' });
  return change;
}

/**
 * Dependencies as the user sees them: every read acts as the user, so Jira hides what they may not browse.
 * Reports, reviews, comparisons and publishing answer at once for a small scope and run as a job on Forge's queue
 * for a larger one (`services/dependencies/work.ts`); `inlineLimit` lowers the bound in tests.
 */
export function dependenciesResolvers(
  platform: Platform,
  options: { inlineLimit?: number } = {},
): ResolverMap<DependenciesDefs> {
  const jiraFor = (principal: Principal): JiraClient => new JiraClient(platform.jira(principal));

  const start = (principal: Principal, request: WorkRequest) =>
    startDependencyWork(platform, principal, request, options);

  return {
    /** The quarter's (or a JQL's) report for the global page, or one project's for its project page. */
    'dependencies.report': defineResolver(
      dependenciesPayloads['dependencies.report'],
      async (payload, context) => {
        const principal = signedIn(context);
        if (payload.projectKey) await mayBrowseProject(platform, principal, payload.projectKey);
        teamByOf(payload.teamBy);
        const work = await start(principal, { action: 'report', ...payload });
        return outcomeFor(work, 'report');
      },
    ),

    /** A dependency job's progress, then its outcome; another user's job answers NOT_FOUND. */
    'dependencies.job': defineResolver(dependenciesPayloads['dependencies.job'], async ({ jobId }, context) =>
      workProgress(platform, signedIn(context), jobId),
    ),

    /** The user's latest job of an action on this page (running, failed or done), or null: the page resumes it. */
    'dependencies.latest': defineResolver(
      dependenciesPayloads['dependencies.latest'],
      async ({ action, projectKey }, context) => {
        const principal = signedIn(context);
        if (projectKey) await mayBrowseProject(platform, principal, projectKey);
        return latestWork(platform, principal, action, projectKey);
      },
    ),

    /**
     * Ask, commit or decline on one dependency, as the user: the service checks the blocking link and that they
     * may edit the issue on their side (the blocked issue to ask, the blocker to commit or decline).
     */
    'dependencies.agree': defineResolver(
      dependenciesPayloads['dependencies.agree'],
      async (payload, context) => {
        const principal = signedIn(context);
        const change = agreementChangeOf(payload.change);
        const { blockingWords } = await loadDependencySettings(platform.store);
        return agreeOnDependency(
          jiraFor(principal),
          { blockerKey: payload.blockerKey, blockedKey: payload.blockedKey, change },
          { now: platform.clock.now(), blockingWords },
        );
      },
    ),

    /** The issue panel: what this issue waits on, from which teams, and what waits on it. */
    'dependencies.issue': defineResolver(
      dependenciesPayloads['dependencies.issue'],
      async (payload, context) => {
        const principal = signedIn(context);
        await mayBrowseProject(
          platform,
          principal,
          payload.issueKey.slice(0, payload.issueKey.lastIndexOf('-')),
        );
        const jira = jiraFor(principal);
        const { blockingWords, riskRules } = await loadDependencySettings(platform.store);
        return issueDependencies(
          jira,
          payload.issueKey,
          teamByOf(payload.teamBy),
          platform.clock.now(),
          blockingWords,
          riskRules,
        );
      },
    ),

    /**
     * Saves the current state of the scope, as the user sees it, as the scope's review: the baseline the next
     * comparison uses, whoever makes it (see `services/dependencies/snapshots.ts`).
     */
    'dependencies.snapshot.save': defineResolver(
      dependenciesPayloads['dependencies.snapshot.save'],
      async (payload, context) => {
        teamByOf(payload.teamBy);
        return outcomeFor(await start(signedIn(context), { action: 'snapshot', ...payload }), 'snapshot');
      },
    ),

    /**
     * New, resolved and still-open dependencies since the scope's last review, computed as the user: what the
     * review names is shown only as far as Jira lets this user see it now.
     */
    'dependencies.snapshot.compare': defineResolver(
      dependenciesPayloads['dependencies.snapshot.compare'],
      async (payload, context) => {
        teamByOf(payload.teamBy);
        return outcomeFor(await start(signedIn(context), { action: 'compare', ...payload }), 'compare');
      },
    ),

    /**
     * Writes or updates the quarter's alignment page in a space, as the user (Confluence checks their rights).
     * Issues appear through Jira macros; plain text only for the projects the user agreed to show.
     */
    'dependencies.publish': defineResolver(
      dependenciesPayloads['dependencies.publish'],
      async (payload, context) => {
        teamByOf(payload.teamBy);
        const { spaceKey, shownProjects, scope, teamBy } = payload;
        const title = (payload.title ?? `Quarterly alignment ${scopeLabel(scope)}`).slice(0, 255);
        const publish = {
          spaceKey,
          title,
          shownProjects,
          ...(context.locale ? { locale: context.locale } : {}),
        };
        return outcomeFor(
          await start(signedIn(context), { action: 'publish', scope, teamBy, publish }),
          'publish',
        );
      },
    ),

    /** The custom fields the user may pick as the team dimension. */
    'dependencies.fields': defineResolver(
      dependenciesPayloads['dependencies.fields'],
      async (_payload, context) => {
        const jira = jiraFor(signedIn(context));
        return { fields: teamFieldChoices(await jira.fields()) };
      },
    ),

    /** The settings page: the word list in force and how the site's link types read with it. */
    'dependencies.settings.get': defineResolver(
      dependenciesPayloads['dependencies.settings.get'],
      async (_payload, context) => settingsView(platform, signedIn(context)),
    ),

    /** How the site's link types would read with a word list being edited, and what is wrong with the list. */
    'dependencies.settings.preview': defineResolver(
      dependenciesPayloads['dependencies.settings.preview'],
      async (payload, context) => {
        const checked = checkBlockingWords(payload.words);
        const linkTypes = await previewLinkTypes(jiraFor(signedIn(context)), checked.words);
        return { problems: checked.problems, linkTypes };
      },
    ),

    /** Saves the site's word list; only Jira administrators may, and a list with a fault is refused whole. */
    'dependencies.settings.save': defineResolver(
      dependenciesPayloads['dependencies.settings.save'],
      async (payload, context) =>
        updateDependencySettings(platform, signedIn(context), payload.words, payload.riskRules),
    ),
  };
}
