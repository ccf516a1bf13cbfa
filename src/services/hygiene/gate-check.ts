import { z } from 'zod';
import { JiraClient, type JiraIssue } from '../../atlassian/jira';
import { projectStatuses, type JiraStatus } from '../../atlassian/statuses';
import {
  transitionEventSchema,
  type GateConfig,
  type TransitionEvent,
  type ValidatorVerdict,
} from '../../contract/gate';
import { activeAcknowledgements, evaluateIssue } from '../../hygiene/evaluate';
import type { Platform } from '../ports';
import { loadGate } from './gate';
import { fieldsToRead, loadSettings } from './scan-settings';
import { loadAcknowledgements } from './store';

const ALLOW: ValidatorVerdict = { result: true };

/** Where the gate reports what it let through without judging; Forge keeps `console` in the app's logs. */
export interface GateLog {
  warn(message: string, detail?: unknown): void;
}

/**
 * The issue as it would stand in `target`: a Definition of Ready asks whether the issue may be worked on, and
 * the readiness rules that watch work in progress (estimate, assignee) speak only of an issue in such a status.
 */
function asIn(issue: JiraIssue, target: JiraStatus | undefined, now: number): JiraIssue {
  if (target === undefined) return issue;
  const current = issue.fields.status as { statusCategory?: { key?: unknown } } | undefined;
  const moved = current?.statusCategory?.key !== target.category;
  return {
    ...issue,
    fields: {
      ...issue.fields,
      status: { id: target.id, name: target.name, statusCategory: { key: target.category } },
      ...(moved ? { statuscategorychangedate: new Date(now).toISOString() } : {}),
    },
  };
}

/**
 * Judges one transition against its project's gate, as the app (Jira runs validators with no user to ask for
 * consent). A transition into a status the gate does not guard costs one store read and no Jira request; a
 * guarded one reads the issue (the fields the chosen rules need) and the project's statuses, at once. Only the
 * chosen rules speak, on the issue's own fields: epic children are not counted and no other issue is read.
 */
async function judgeTransition(platform: Platform, event: TransitionEvent): Promise<ValidatorVerdict> {
  const issueKey = event.issue.key;
  const projectKey = issueKey.split('-')[0] ?? issueKey;
  const gate: GateConfig = await loadGate(platform.store, projectKey);
  if (!gate.enabled || !gate.statuses.includes(event.transition.to.id)) return ALLOW;

  const principal = { kind: 'app' } as const;
  const transport = platform.jira(principal);
  const jira = new JiraClient(transport);
  const now = platform.clock.now().getTime();
  const acknowledgements = await loadAcknowledgements(platform.store, issueKey);
  const settings = await loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
  const chosen = new Set<string>(gate.rules);
  // The gate's rules run with the project's options, whether or not its panel shows them.
  const rules = settings.rules.map((setting) => ({ ...setting, enabled: chosen.has(setting.rule.id) }));
  const [issue, statuses] = await Promise.all([
    jira.getIssue(issueKey, fieldsToRead(rules, settings.fieldMap)),
    projectStatuses(transport, projectKey),
  ]);
  const target = statuses.find((status) => status.id === event.transition.to.id);
  const result = evaluateIssue(asIn(issue, target, now), {
    rules,
    fieldMap: settings.fieldMap,
    context: { now, childCount: undefined },
    acknowledgements: activeAcknowledgements(acknowledgements, now),
  });
  // A rule that could not read the issue ("not evaluated") does not hold work back; acknowledged findings
  // were accepted by the team and do not either.
  const failing = result.findings.filter((f) => f.kind === 'violation' && chosen.has(f.rule));
  if (failing.length === 0) return ALLOW;
  const titles = new Map(rules.map((setting) => [setting.rule.id, setting.rule.title]));
  const reasons = failing.map((f) => `${titles.get(f.rule) ?? f.rule}: ${f.message}`);
  const into = target === undefined ? 'this status' : `"${target.name}"`;
  return { result: false, errorMessage: `${issue.key} is not ready for ${into}. ${reasons.join(' ')}` };
}

/**
 * The `jira:workflowValidator` function's whole answer. A validator that fails stops the transition in Jira, so
 * an event the app cannot read or an error of its own (Jira or the store unreachable) lets the transition
 * through and is logged: a broken gate must not stop everyone's work. Only the chosen rules refuse.
 */
export async function gateVerdict(
  platform: Platform,
  rawEvent: unknown,
  log: GateLog = console,
): Promise<ValidatorVerdict> {
  const event = transitionEventSchema.safeParse(rawEvent);
  if (!event.success) {
    log.warn('Hygiene gate: unreadable validator event; transition allowed', z.prettifyError(event.error));
    return ALLOW;
  }
  try {
    return await judgeTransition(platform, event.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn(`Hygiene gate: could not judge ${event.data.issue.key}; transition allowed`, reason);
    return ALLOW;
  }
}
