import type { EffectiveRule } from './config';
import type { Acknowledgement, FieldMap, Finding, RuleContext, Severity } from './types';
import { viewIssue, type HygieneIssue } from './view';

/** Score weights: each open finding costs this much of the issue's 100 points. */
export const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 20, warning: 10, info: 3 };

export interface IssueResult {
  readonly issue: string;
  readonly summary: string;
  readonly type: string;
  readonly parent: string | null;
  readonly assignee: string | null;
  readonly team: string | null;
  readonly score: number;
  /** Open findings (violations and "could not evaluate"), most severe first. */
  readonly findings: readonly Finding[];
  /** Findings someone acknowledged; shown apart, counted apart, never dropped. */
  readonly acknowledged: readonly Finding[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Acknowledgements still in force at `now`, keyed `issue\u0000rule`. */
export function activeAcknowledgements(
  acks: readonly Acknowledgement[],
  now: number,
): Map<string, Acknowledgement> {
  const active = new Map<string, Acknowledgement>();
  for (const ack of acks) {
    const expires = Date.parse(ack.expires);
    if (!Number.isNaN(expires) && expires > now) active.set(`${ack.issue}\u0000${ack.rule}`, ack);
  }
  return active;
}

/** The issue's score: 100 less the cost of each open violation, never below 0. */
export function scoreOf(findings: readonly Finding[]): number {
  let cost = 0;
  for (const finding of findings) if (finding.kind === 'violation') cost += SEVERITY_COST[finding.severity];
  return Math.max(0, 100 - cost);
}

export interface EvaluateOptions {
  readonly rules: readonly EffectiveRule[];
  readonly fieldMap: FieldMap;
  readonly context: RuleContext;
  readonly acknowledgements?: ReadonlyMap<string, Acknowledgement> | undefined;
}

/**
 * Runs every enabled rule on one issue. A rule that throws gives a "could not evaluate" finding for that rule
 * only; the other rules and the rest of the scan go on.
 */
export function evaluateIssue(issue: HygieneIssue, options: EvaluateOptions): IssueResult {
  const view = viewIssue(issue, options.fieldMap);
  const open: Finding[] = [];
  let acknowledged: Finding[] | undefined;
  for (const setting of options.rules) {
    if (!setting.enabled) continue;
    let finding: Finding | undefined;
    try {
      const message = setting.rule.check(view, setting.options, options.context);
      if (message !== null) {
        finding = {
          issue: view.key,
          rule: setting.rule.id,
          severity: setting.severity,
          message,
          kind: 'violation',
        };
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      finding = {
        issue: view.key,
        rule: setting.rule.id,
        severity: 'info',
        message: `Could not evaluate this rule: ${reason.slice(0, 200)}`,
        kind: 'not-evaluated',
      };
    }
    if (finding === undefined) continue;
    const acks = options.acknowledgements;
    const ack =
      acks === undefined || acks.size === 0 ? undefined : acks.get(`${view.key}\u0000${finding.rule}`);
    if (ack !== undefined && finding.kind === 'violation')
      (acknowledged ??= []).push({ ...finding, acknowledgement: ack });
    else open.push(finding);
  }
  if (open.length > 1) open.sort(bySeverity);
  return {
    issue: view.key,
    summary: view.summary,
    type: view.type,
    parent: view.parent,
    assignee: view.assigneeName,
    team: view.team,
    score: scoreOf(open),
    findings: open,
    acknowledged: acknowledged ?? NONE,
  };
}

const NONE: readonly Finding[] = Object.freeze([]);

/** Evaluates many issues with the same settings. */
export function evaluateIssues(issues: Iterable<HygieneIssue>, options: EvaluateOptions): IssueResult[] {
  const results: IssueResult[] = [];
  for (const issue of issues) results.push(evaluateIssue(issue, options));
  return results;
}
