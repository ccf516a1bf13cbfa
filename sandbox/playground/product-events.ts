import type { JiraState } from '../jira/index';
import type { IssueRecord } from '../jira/model';
import type { SandboxUser } from '../users';

/**
 * Jira's product events as Forge hands them to an app's `trigger` (developer.atlassian.com, "Jira events"):
 * `eventType`, the issue with a few fields, and who caused it.
 */
export interface ForgeIssueEvent {
  readonly eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue';
  readonly issue: {
    readonly id: string;
    readonly key: string;
    readonly fields: Record<string, unknown>;
  };
  readonly atlassianId: string;
  readonly associatedUsers: readonly { readonly accountId: string }[];
}

export interface IssueEventDelivery {
  /** Stops delivering. */
  stop(): void;
  /** Resolves once every event delivered so far has been handled (the trigger runs apart from the edit, as in Forge). */
  settled(): Promise<void>;
}

function eventOf(
  state: JiraState,
  eventType: ForgeIssueEvent['eventType'],
  issue: IssueRecord,
  by: SandboxUser,
): ForgeIssueEvent {
  const project = state.projectByIdOrKey(issue.projectKey);
  const { summary, issuetype, status, created, updated } = issue.fields;
  return {
    eventType,
    issue: {
      id: issue.id,
      key: issue.key,
      fields: {
        summary,
        issuetype,
        status,
        created,
        updated,
        project: { id: project?.id ?? '', key: issue.projectKey, name: project?.name ?? issue.projectKey },
      },
    },
    atlassianId: by.accountId,
    associatedUsers: [{ accountId: by.accountId }],
  };
}

/**
 * Delivers `avi:jira:created:issue` after every issue created through the sandbox's REST API
 * (`POST /rest/api/3/issue`) and `avi:jira:updated:issue` after every edit (`PUT /rest/api/3/issue/{key}`) to
 * `trigger`, as Forge delivers them to manifest.yml's `trigger` module: after the request has answered, and a
 * failing trigger undoes nothing (its error is logged, as Forge logs it).
 */
export function deliverIssueEvents(
  state: JiraState,
  trigger: (event: ForgeIssueEvent) => Promise<unknown>,
): IssueEventDelivery {
  const running = new Set<Promise<void>>();
  const deliver =
    (eventType: ForgeIssueEvent['eventType']) =>
    (issue: IssueRecord, by: SandboxUser): void => {
      const event = eventOf(state, eventType, issue, by);
      const handled: Promise<void> = new Promise<void>((resolve) => {
        setImmediate(resolve);
      })
        .then(() => trigger(event))
        .then(
          () => undefined,
          (error: unknown) => {
            console.error('The issue event trigger failed', error);
          },
        )
        .finally(() => running.delete(handled));
      running.add(handled);
    };
  const stops = [
    state.onIssueCreated(deliver('avi:jira:created:issue')),
    state.onIssueUpdated(deliver('avi:jira:updated:issue')),
  ];
  return {
    stop() {
      for (const stop of stops) stop();
    },
    async settled() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
