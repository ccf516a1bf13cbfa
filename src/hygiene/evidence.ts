import type { EffectiveRule } from './config';
import type { FieldMap, RuleContext } from './types';
import { DAY_MS, parseJiraDate } from './dates';
import { viewIssue, type HygieneIssue, type IssueView } from './view';

export { evidenceSaysLess } from '../shared/evidence';

/**
 * Resolutions that say the work was never understood well enough to be done, compared by name without case.
 * Sites name them differently; the admin (or `--bad-resolution`) may say which of theirs mean that.
 */
export const DEFAULT_BAD_RESOLUTIONS: readonly string[] = [
  'Cannot Reproduce',
  'Incomplete',
  'Needs more info',
  'Needs More Information',
];

/** z for a two-sided 95 % interval, as the textbook log method for a risk ratio writes it. */
const Z_95 = 1.96;

/** A risk ratio and its 95 % interval; `null` where the figures do not define it. */
export interface RiskRatio {
  readonly lift: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

const UNDEFINED_RATIO: RiskRatio = { lift: null, low: null, high: null };

/**
 * How much more often flagged issues ended badly than unflagged ones: (a / n₁) ÷ (c / n₀), with the 95 % interval
 * exp(ln RR ± 1.96 · √(1/a − 1/n₁ + 1/c − 1/n₀)). The lift is undefined when a group is empty or no unflagged
 * issue ended badly; it is 0 when no flagged one did, and then the interval (whose logarithm needs a > 0) is not.
 */
export function riskRatio(
  flaggedBad: number,
  flagged: number,
  unflaggedBad: number,
  unflagged: number,
): RiskRatio {
  if (flagged === 0 || unflagged === 0 || unflaggedBad === 0) return UNDEFINED_RATIO;
  const lift = flaggedBad / flagged / (unflaggedBad / unflagged);
  if (flaggedBad === 0) return { lift: 0, low: null, high: null };
  const spread = Z_95 * Math.sqrt(1 / flaggedBad - 1 / flagged + 1 / unflaggedBad - 1 / unflagged);
  return { lift, low: Math.exp(Math.log(lift) - spread), high: Math.exp(Math.log(lift) + spread) };
}

/** The middle value (the mean of the two middle ones for an even count); `null` for none. Sorts `values`. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  const upper = values[middle] as number;
  return values.length % 2 === 1 ? upper : ((values[middle - 1] as number) + upper) / 2;
}

/** What the evidence says of one rule over a scope's resolved issues. `unflagged = population − flagged`. */
export interface RuleEvidenceFigures {
  readonly rule: string;
  readonly population: number;
  readonly flagged: number;
  readonly flaggedBad: number;
  readonly unflaggedBad: number;
  /** Rounded to 3 decimals, as its interval. */
  readonly lift: number | null;
  readonly liftLow: number | null;
  readonly liftHigh: number | null;
  /** Median days from creation to resolution, to 1 decimal; `null` when no issue of the group has both dates. */
  readonly medianDaysFlagged: number | null;
  readonly medianDaysUnflagged: number | null;
}

export interface EvidenceReport {
  /** Issues of the scope with a resolution. */
  readonly resolved: number;
  /** The resolution names counted as bad, as given. */
  readonly badResolutions: readonly string[];
  /** The measurable rules, in the registry's order. */
  readonly rules: readonly RuleEvidenceFigures[];
  /** Ids of the rules that cannot speak about a resolved issue (no `evidence` declaration). */
  readonly notMeasurable: readonly string[];
}

export interface EvidenceSettings {
  /**
   * The rules with the site's options. Every rule is measured, switched on or not: the figures are what an
   * admin weighs before switching one on or off.
   */
  readonly rules: readonly EffectiveRule[];
  readonly fieldMap: FieldMap;
  readonly now: number;
  readonly badResolutions: readonly string[];
}

interface Counts {
  readonly setting: EffectiveRule;
  population: number;
  flagged: number;
  flaggedBad: number;
  unflaggedBad: number;
  readonly daysFlagged: number[];
  readonly daysUnflagged: number[];
}

const round = (value: number | null, decimals: number): number | null => {
  if (value === null) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

/** Resolution names without case or surrounding spaces, each once, in the order given. */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name.trim());
  }
  return kept;
}

/**
 * Gathers the evidence issue by issue, so that a service can add each page of a large scope as it arrives and
 * let it go. Issues without a resolution are passed over; a rule that cannot read an issue (an unreadable
 * description) leaves that issue out of its own population only.
 */
export class EvidenceTally {
  private resolved = 0;
  private readonly counts: Counts[];
  private readonly bad: ReadonlySet<string>;
  private readonly badResolutions: readonly string[];
  private readonly context: RuleContext;

  constructor(private readonly settings: EvidenceSettings) {
    this.badResolutions = distinctNames(settings.badResolutions);
    this.bad = new Set(this.badResolutions.map((name) => name.toLowerCase()));
    this.context = { now: settings.now, childCount: undefined };
    this.counts = settings.rules
      .filter((setting) => setting.rule.evidence !== undefined)
      .map((setting) => ({
        setting,
        population: 0,
        flagged: 0,
        flaggedBad: 0,
        unflaggedBad: 0,
        daysFlagged: [],
        daysUnflagged: [],
      }));
  }

  add(issue: HygieneIssue): void {
    const view = viewIssue(issue, this.settings.fieldMap);
    if (view.resolution === null) return;
    this.resolved += 1;
    const bad = this.bad.has(view.resolution.trim().toLowerCase());
    const days = daysToResolve(view, issue);
    for (const counts of this.counts) {
      const flagged = this.judge(counts.setting, view);
      if (flagged === undefined) continue;
      counts.population += 1;
      if (flagged) {
        counts.flagged += 1;
        if (bad) counts.flaggedBad += 1;
        if (days !== null) counts.daysFlagged.push(days);
      } else {
        if (bad) counts.unflaggedBad += 1;
        if (days !== null) counts.daysUnflagged.push(days);
      }
    }
  }

  /** Whether the rule flags the issue; undefined when it does not apply to it or cannot read it. */
  private judge(setting: EffectiveRule, view: IssueView): boolean | undefined {
    const { rule, options } = setting;
    const evidence = rule.evidence;
    if (evidence === undefined) return undefined;
    try {
      if (!evidence.applies(view, options)) return undefined;
      return evidence.flags === undefined
        ? rule.check(view, options, this.context) !== null
        : evidence.flags(view, options, this.context);
    } catch {
      return undefined;
    }
  }

  report(): EvidenceReport {
    const rules = this.counts.map((counts): RuleEvidenceFigures => {
      const { population, flagged, flaggedBad, unflaggedBad } = counts;
      const ratio = riskRatio(flaggedBad, flagged, unflaggedBad, population - flagged);
      return {
        rule: counts.setting.rule.id,
        population,
        flagged,
        flaggedBad,
        unflaggedBad,
        lift: round(ratio.lift, 3),
        liftLow: round(ratio.low, 3),
        liftHigh: round(ratio.high, 3),
        medianDaysFlagged: round(median([...counts.daysFlagged]), 1),
        medianDaysUnflagged: round(median([...counts.daysUnflagged]), 1),
      };
    });
    return {
      resolved: this.resolved,
      badResolutions: this.badResolutions,
      rules,
      notMeasurable: this.settings.rules
        .filter((setting) => setting.rule.evidence === undefined)
        .map((setting) => setting.rule.id),
    };
  }
}

/** Days from creation to resolution; null when a date is missing or the resolution comes first (odd data). */
function daysToResolve(view: IssueView, issue: HygieneIssue): number | null {
  const created = view.created;
  const resolved = parseJiraDate(issue.fields.resolutiondate);
  if (created === null || resolved === null || resolved < created) return null;
  return (resolved - created) / DAY_MS;
}

/** The evidence over a list of issues (those without a resolution are passed over). */
export function evidenceOf(issues: Iterable<HygieneIssue>, settings: EvidenceSettings): EvidenceReport {
  const tally = new EvidenceTally(settings);
  for (const issue of issues) tally.add(issue);
  return tally.report();
}
