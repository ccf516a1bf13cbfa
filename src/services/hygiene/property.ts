import type { IssueResult } from '../../hygiene/evaluate';

/** The entity property each issue carries, indexed for JQL (`hygiene.score < 80`, `hygiene.rules = stale-in-progress`). */
export const PROPERTY_KEY = 'vertebra-hygiene';
export interface HygieneProperty {
  readonly score: number;
  readonly rules: readonly string[];
}

export function propertyOf(result: IssueResult): HygieneProperty {
  return {
    score: result.score,
    rules: result.findings.filter((f) => f.kind === 'violation').map((f) => f.rule),
  };
}
