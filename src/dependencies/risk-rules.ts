/**
 * The site's risk rules: which reasons make a dependency need attention, and from when. Product ops turn each
 * reason on or off and set its threshold; every report, panel, review and publish of the site reads them.
 */
import type { RiskReason } from './model';
import { DEFAULT_STALE_DAYS } from './stale';

/** One reason's rule; `days` is its threshold, `null` for a reason that has none. */
export interface RiskRule {
  readonly enabled: boolean;
  readonly days: number | null;
}

/**
 * Keyed by the app's own reason ids, never by text people typed.
 * - `scheduled-after-blocked` (conflict): the blocker is planned more than `days` days after the blocked work.
 * - `stale` (at risk): the blocker is in progress and untouched for more than `days` days.
 * - `blocker-blocked` (at risk): the blocker waits on an open issue itself.
 * - `unscheduled` (at risk): the blocker has no date, sprint or version while the blocked work is planned within
 *   `days` days (the quarter under way); further off, or with no date either, it is only to watch.
 * - `unassigned`, `not-started` (watch): nobody on the blocker, or not started yet.
 */
export type RiskRules = Readonly<Record<RiskReason, RiskRule>>;

export const DEFAULT_RISK_RULES: RiskRules = {
  'scheduled-after-blocked': { enabled: true, days: 0 },
  stale: { enabled: true, days: DEFAULT_STALE_DAYS },
  'blocker-blocked': { enabled: true, days: null },
  unscheduled: { enabled: true, days: 90 },
  unassigned: { enabled: true, days: null },
  'not-started': { enabled: true, days: null },
};

/** The longest threshold a rule takes: a year, beyond any planning horizon. */
const MAX_RULE_DAYS = 365;

export interface RiskRuleProblem {
  readonly reason: RiskReason;
  readonly problem: 'not-whole-days' | 'out-of-range' | 'no-threshold';
}

/**
 * What is wrong with a set of rules: a threshold that is not a whole number of days from 0 to `MAX_RULE_DAYS`,
 * or one given to a reason that takes none.
 */
export function checkRiskRules(rules: RiskRules): readonly RiskRuleProblem[] {
  const problems: RiskRuleProblem[] = [];
  for (const reason of Object.keys(DEFAULT_RISK_RULES) as RiskReason[]) {
    const { days } = rules[reason];
    const takesDays = DEFAULT_RISK_RULES[reason].days !== null;
    if (!takesDays) {
      if (days !== null) problems.push({ reason, problem: 'no-threshold' });
    } else if (days === null || !Number.isInteger(days)) problems.push({ reason, problem: 'not-whole-days' });
    else if (days < 0 || days > MAX_RULE_DAYS) problems.push({ reason, problem: 'out-of-range' });
  }
  return problems;
}
