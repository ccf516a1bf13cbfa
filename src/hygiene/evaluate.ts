import type { EffectiveRule } from './config';
import { findingMessage, type FindingMessage } from './finding-messages';
import { optionsApplyToType } from './rule-kit';
import type { Acknowledgement, FieldMap, Finding, RuleContext, Severity } from './types';
import { viewIssue, type HygieneIssue } from './view';

/** Score weights: each open finding costs this much of the issue's 100 points. */
const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 20, warning: 10, info: 3 };

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

function bySeverity(a: Finding, b: Finding): number {
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
function scoreOf(findings: readonly Finding[]): number {
  let cost = 0;
  // Indexed: `for…of` over the shared frozen empty list takes V8's slow iterator path, one object per issue.
  for (let i = 0; i < findings.length; i += 1) {
    const finding = findings[i];
    if (finding?.kind === 'violation') cost += SEVERITY_COST[finding.severity];
  }
  return Math.max(0, 100 - cost);
}

export interface EvaluateOptions {
  readonly rules: readonly EffectiveRule[];
  readonly fieldMap: FieldMap;
  readonly context: RuleContext;
  readonly acknowledgements?: ReadonlyMap<string, Acknowledgement> | undefined;
}

/**
 * The rules that read a description's blocks (sections, headings, lists), not only its word count. For issue
 * types none of them applies to, descriptions are only counted, which is most of a scan's parsing saved. A rule
 * missing here would still work: the view reads the blocks when asked; the list only spares work.
 */
const BLOCK_READERS: ReadonlySet<string> = new Set([
  'acceptance-criteria-missing',
  'acceptance-criteria-vague',
  'bug-missing-repro',
]);

const blockReadersCache = new WeakMap<readonly EffectiveRule[], (type: string) => boolean>();

/** Whether some enabled rule reads the description blocks of an issue of this (lower-case) type. */
function blockReaders(rules: readonly EffectiveRule[]): (type: string) => boolean {
  let reads = blockReadersCache.get(rules);
  if (reads === undefined) {
    const types = new Set<string>();
    let anyType = false;
    for (const setting of rules) {
      if (!setting.enabled || !BLOCK_READERS.has(setting.rule.id)) continue;
      const configured = (setting.options as { issueTypes?: unknown }).issueTypes;
      if (!Array.isArray(configured) || configured.length === 0) anyType = true;
      else for (const type of configured) if (typeof type === 'string') types.add(type.toLowerCase());
    }
    reads = anyType ? () => true : (type) => types.has(type);
    blockReadersCache.set(rules, reads);
  }
  return reads;
}

const rulesByTypeCache = new WeakMap<readonly EffectiveRule[], Map<string, readonly EffectiveRule[]>>();

/**
 * The enabled rules that may apply to an issue of this (lower-case) type: a rule whose `issueTypes` option lists
 * other types is left out before it is called, as its own first check would return. Computed once per type and
 * rule set: most rules apply to a few types, and a scan calls each remaining rule 100,000 times.
 */
function rulesFor(rules: readonly EffectiveRule[], type: string): readonly EffectiveRule[] {
  let byType = rulesByTypeCache.get(rules);
  if (byType === undefined) {
    byType = new Map();
    rulesByTypeCache.set(rules, byType);
  }
  let applicable = byType.get(type);
  if (applicable === undefined) {
    applicable = rules.filter((setting) => setting.enabled && optionsApplyToType(setting.options, type));
    if (byType.size >= 200) byType.clear();
    byType.set(type, applicable);
  }
  return applicable;
}

/**
 * Runs every enabled rule on one issue. A rule that throws gives a "could not evaluate" finding for that rule
 * only; the other rules and the rest of the scan go on.
 */
export function evaluateIssue(issue: HygieneIssue, options: EvaluateOptions): IssueResult {
  const view = viewIssue(issue, options.fieldMap, blockReaders(options.rules));
  // Findings are gathered in one reused array and copied out at their exact count (most issues have none or
  // two): a scan keeps 100,000 results, and the garbage collector copies whatever they hold.
  const open = gathered;
  open.length = 0;
  let acknowledged: Finding[] | undefined;
  const applicable = rulesFor(options.rules, view.type);
  // Indexed loops here and in evaluateIssues: V8's middle tier (Maglev), which runs a fresh process's first
  // thousands of issues, allocates an iterator result per `for…of` step.
  for (let i = 0; i < applicable.length; i += 1) {
    const setting = applicable[i];
    if (setting === undefined) continue;
    let finding: Finding | undefined;
    try {
      const verdict = setting.rule.check(view, setting.options, options.context);
      if (verdict !== null) finding = violation(setting, verdict);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const says = findingMessage('not-evaluated', { reason: reason.slice(0, 200) });
      finding = {
        rule: setting.rule.id,
        severity: 'info',
        message: says.text,
        messageId: says.id,
        params: says.params,
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
  const findings = open.length === 0 ? NONE : sortedBySeverity(open);
  open.length = 0;
  return {
    issue: view.key,
    summary: view.summary,
    type: view.type,
    parent: view.parent,
    assignee: view.assigneeName,
    team: view.team,
    score: scoreOf(findings),
    findings,
    acknowledged: acknowledged ?? NONE,
  };
}

const NONE: readonly Finding[] = Object.freeze([]);

const violations = new WeakMap<EffectiveRule, Map<FindingMessage, Finding>>();

/**
 * The finding of a rule's verdict, one shared (frozen) object per setting and verdict: rules hand back cached
 * verdicts, so a scan of 100,000 issues keeps a few hundred findings instead of one object per issue and rule,
 * which the garbage collector would copy as the results grow. Bounded per rule.
 */
function violation(setting: EffectiveRule, verdict: FindingMessage): Finding {
  let byVerdict = violations.get(setting);
  if (byVerdict === undefined) {
    byVerdict = new Map();
    violations.set(setting, byVerdict);
  }
  let finding = byVerdict.get(verdict);
  if (finding === undefined) {
    finding = Object.freeze({
      rule: setting.rule.id,
      severity: setting.severity,
      message: verdict.text,
      messageId: verdict.id,
      params: verdict.params,
      kind: 'violation',
    });
    if (byVerdict.size >= 2000) byVerdict.clear();
    byVerdict.set(verdict, finding);
  }
  return finding;
}
const gathered: Finding[] = [];

/** A copy of `findings`, most severe first, in rule order within a severity (an insertion sort: a few items). */
function sortedBySeverity(findings: readonly Finding[]): Finding[] {
  const sorted = findings.slice();
  for (let i = 1; i < sorted.length; i += 1) {
    const finding = sorted[i] as Finding;
    let j = i - 1;
    for (; j >= 0 && bySeverity(sorted[j] as Finding, finding) > 0; j -= 1)
      sorted[j + 1] = sorted[j] as Finding;
    sorted[j + 1] = finding;
  }
  return sorted;
}

/** Evaluates many issues with the same settings. */
export function evaluateIssues(issues: Iterable<HygieneIssue>, options: EvaluateOptions): IssueResult[] {
  const results: IssueResult[] = [];
  if (Array.isArray(issues)) {
    const list = issues as readonly HygieneIssue[];
    for (let i = 0; i < list.length; i += 1) {
      const issue = list[i];
      if (issue !== undefined) results.push(evaluateIssue(issue, options));
    }
  } else for (const issue of issues) results.push(evaluateIssue(issue, options));
  return results;
}
