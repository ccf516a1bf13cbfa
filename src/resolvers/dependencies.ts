import { createConfluenceClient } from '../atlassian/confluence';
import { JiraClient } from '../atlassian/jira';
import type { InvocationContext } from '../contract/context';
import {
  dependenciesPayloads,
  type DependenciesDefs,
  type DependencyReportView,
} from '../contract/dependencies';
import { AppError } from '../contract/result';
import {
  checkBlockingWords,
  DEFAULT_BLOCKING_WORDS,
  parseTeamBy,
  publishWordsFor,
  takeSnapshot,
  teamFieldChoices,
  type TeamByOption,
} from '../dependencies';
import { issueDependencies } from '../services/dependencies/issue';
import { publishAlignmentPage } from '../services/dependencies/publish';
import { buildDependencyReport } from '../services/dependencies/report';
import { resolveScope, scopeLabel, type ReportScope } from '../services/dependencies/scope';
import {
  canEditDependencySettings,
  loadDependencySettings,
  previewLinkTypes,
  saveDependencySettings,
} from '../services/dependencies/settings';
import { compareWithLast, saveSnapshot } from '../services/dependencies/snapshots';
import type { Platform, Principal } from '../services/ports';
import { defineResolver } from './define';
import type { ResolverMap } from './types';

/** At most this many dependencies go back to the browser (Forge answers up to 5 MB). */
const LIST_LIMIT = 3000;

function asUser(context: InvocationContext): Principal {
  if (!context.accountId) throw new AppError('UNAUTHENTICATED', 'Sign in to see dependencies.');
  return { kind: 'user', accountId: context.accountId };
}

function teamByOf(text: string | undefined): TeamByOption {
  const parsed = parseTeamBy(text ?? 'project');
  if (!parsed) throw new AppError('INVALID_INPUT', `Unknown team dimension: ${text ?? ''}`);
  return parsed;
}

/** Dependencies as the user sees them: every read acts as the user, so Jira hides what they may not browse. */
export function dependenciesResolvers(platform: Platform): ResolverMap<DependenciesDefs> {
  const jiraFor = (principal: Principal): JiraClient => new JiraClient(platform.jira(principal));

  async function mayBrowse(jira: JiraClient, projectKey: string): Promise<void> {
    const held = await jira.myPermissions(['BROWSE_PROJECTS'], { projectKey });
    if (!held['BROWSE_PROJECTS'])
      throw new AppError('FORBIDDEN', `You may not browse the project ${projectKey}.`);
  }

  async function report(
    jira: JiraClient,
    scope: ReportScope,
    teamBy: string,
    projectKey?: string,
  ): Promise<DependencyReportView> {
    const [{ jql, plan }, { blockingWords }] = await Promise.all([
      resolveScope(jira, scope, projectKey),
      loadDependencySettings(platform.store),
    ]);
    const built = await buildDependencyReport(jira, {
      jql,
      teamBy: teamByOf(teamBy),
      now: platform.clock.now(),
      blockingWords,
      includeWaitingIssues: projectKey !== undefined,
    });
    const ours = (key: string | undefined): boolean =>
      projectKey !== undefined && key?.startsWith(`${projectKey}-`) === true;
    const dependencies =
      projectKey === undefined
        ? built.report.dependencies
        : built.report.dependencies.filter((d) => ours(d.blocked?.key) || ours(d.blocker?.key));
    return {
      ...built.report,
      dependencies: dependencies.slice(0, LIST_LIMIT),
      totalDependencies: dependencies.length,
      jql,
      scopeLabel: scopeLabel(scope),
      ...(plan ? { plan } : {}),
    };
  }

  /** The whole scope's report, as snapshots and published pages need it (not narrowed, not cut). */
  async function fullReport(jira: JiraClient, scope: ReportScope, teamBy: string) {
    const [{ jql }, { blockingWords }] = await Promise.all([
      resolveScope(jira, scope),
      loadDependencySettings(platform.store),
    ]);
    return buildDependencyReport(jira, {
      jql,
      teamBy: teamByOf(teamBy),
      now: platform.clock.now(),
      blockingWords,
    });
  }

  return {
    /** The quarter's (or a JQL's) report for the global page, or one project's for its project page. */
    'dependencies.report': defineResolver(
      dependenciesPayloads['dependencies.report'],
      async (payload, context) => {
        const jira = jiraFor(asUser(context));
        if (payload.projectKey) await mayBrowse(jira, payload.projectKey);
        return report(jira, payload.scope, payload.teamBy, payload.projectKey);
      },
    ),

    /** The issue panel: what this issue waits on, from which teams, and what waits on it. */
    'dependencies.issue': defineResolver(
      dependenciesPayloads['dependencies.issue'],
      async (payload, context) => {
        const jira = jiraFor(asUser(context));
        await mayBrowse(jira, payload.issueKey.slice(0, payload.issueKey.lastIndexOf('-')));
        const { blockingWords } = await loadDependencySettings(platform.store);
        return issueDependencies(
          jira,
          payload.issueKey,
          teamByOf(payload.teamBy),
          platform.clock.now(),
          blockingWords,
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
        const jira = jiraFor(asUser(context));
        const [built, projects] = await Promise.all([
          fullReport(jira, payload.scope, payload.teamBy),
          jira.projects(),
        ]);
        const snapshot = takeSnapshot(
          built.report,
          `${scopeLabel(payload.scope)} | ${payload.teamBy}`,
          platform.clock.now(),
        );
        await saveSnapshot(
          platform.store,
          snapshot,
          projects.map((project) => project.key),
        );
        return { takenAt: snapshot.takenAt, dependencies: snapshot.entries.length };
      },
    ),

    /**
     * New, resolved and still-open dependencies since the scope's last review, computed as the user: what the
     * review names is shown only as far as Jira lets this user see it now.
     */
    'dependencies.snapshot.compare': defineResolver(
      dependenciesPayloads['dependencies.snapshot.compare'],
      async (payload, context) => {
        const jira = jiraFor(asUser(context));
        const built = await fullReport(jira, payload.scope, payload.teamBy);
        const current = takeSnapshot(
          built.report,
          `${scopeLabel(payload.scope)} | ${payload.teamBy}`,
          platform.clock.now(),
        );
        const visibleKeys = async (ids: readonly string[]) =>
          new Map((await jira.bulkFetch(ids, ['project'])).map((issue) => [issue.id, issue.key]));
        return { diff: await compareWithLast(platform.store, current, visibleKeys) };
      },
    ),

    /**
     * Writes or updates the quarter's alignment page in a space, as the user (Confluence checks their rights).
     * Issues appear through Jira macros; plain text only for the projects the user agreed to show.
     */
    'dependencies.publish': defineResolver(
      dependenciesPayloads['dependencies.publish'],
      async (payload, context) => {
        const principal = asUser(context);
        const built = await fullReport(jiraFor(principal), payload.scope, payload.teamBy);
        const title = payload.title ?? `Quarterly alignment ${scopeLabel(payload.scope)}`;
        const published = await publishAlignmentPage(createConfluenceClient(platform.confluence(principal)), {
          spaceKey: payload.spaceKey,
          title: title.slice(0, 255),
          report: built.report,
          now: platform.clock.now(),
          words: publishWordsFor(context.locale),
          shownProjects: payload.shownProjects,
        });
        return { ...published, spaceKey: payload.spaceKey };
      },
    ),

    /** The custom fields the user may pick as the team dimension. */
    'dependencies.fields': defineResolver(
      dependenciesPayloads['dependencies.fields'],
      async (_payload, context) => {
        const jira = jiraFor(asUser(context));
        return { fields: teamFieldChoices(await jira.fields()) };
      },
    ),

    /** The settings page: the word list in force and how the site's link types read with it. */
    'dependencies.settings.get': defineResolver(
      dependenciesPayloads['dependencies.settings.get'],
      async (_payload, context) => {
        const jira = jiraFor(asUser(context));
        const { blockingWords } = await loadDependencySettings(platform.store);
        const [linkTypes, canEdit] = await Promise.all([
          previewLinkTypes(jira, blockingWords),
          canEditDependencySettings(jira),
        ]);
        return { words: blockingWords, defaults: DEFAULT_BLOCKING_WORDS, linkTypes, canEdit };
      },
    ),

    /** How the site's link types would read with a word list being edited, and what is wrong with the list. */
    'dependencies.settings.preview': defineResolver(
      dependenciesPayloads['dependencies.settings.preview'],
      async (payload, context) => {
        const checked = checkBlockingWords(payload.words);
        const linkTypes = await previewLinkTypes(jiraFor(asUser(context)), checked.words);
        return { problems: checked.problems, linkTypes };
      },
    ),

    /** Saves the site's word list; only Jira administrators may, and a list with a fault is refused whole. */
    'dependencies.settings.save': defineResolver(
      dependenciesPayloads['dependencies.settings.save'],
      async (payload, context) => {
        const jira = jiraFor(asUser(context));
        if (!(await canEditDependencySettings(jira)))
          throw new AppError('FORBIDDEN', 'Only Jira administrators can change what reads as blocking.');
        await saveDependencySettings(platform.store, payload.words);
        const { blockingWords } = await loadDependencySettings(platform.store);
        return {
          words: blockingWords,
          defaults: DEFAULT_BLOCKING_WORDS,
          linkTypes: await previewLinkTypes(jira, blockingWords),
          canEdit: true,
        };
      },
    ),
  };
}
