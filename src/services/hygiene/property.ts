import { z } from 'zod';
import type { JiraClient } from '../../atlassian/jira';
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

const propertySchema = z.object({ score: z.number(), rules: z.array(z.string()) });

/**
 * Writes each result's score property where it changed (the current values are read back in one bulk fetch per
 * 100 issues, so unchanged issues cost no write); returns how many it wrote. Shared by the nightly run and the
 * fresh score of issues just edited.
 */
export async function writeProperties(jira: JiraClient, results: readonly IssueResult[]): Promise<number> {
  const keys = results.map((r) => r.issue);
  const current = new Map<string, HygieneProperty>();
  const ids = new Map<string, string>();
  for (const issue of await jira.bulkFetch(keys, ['summary'], { properties: [PROPERTY_KEY] })) {
    ids.set(issue.key, issue.id);
    const parsed = propertySchema.safeParse(issue.properties?.[PROPERTY_KEY]);
    if (parsed.success) current.set(issue.key, parsed.data);
  }
  const changed: { issueId: string; value: HygieneProperty }[] = [];
  for (const result of results) {
    // An issue deleted since the scan has no id here: nothing to write.
    const issueId = ids.get(result.issue);
    const next = propertyOf(result);
    const before = current.get(result.issue);
    if (issueId === undefined) continue;
    if (before === undefined || before.score !== next.score || before.rules.join() !== next.rules.join())
      changed.push({ issueId, value: next });
  }
  // Jira's bulk set by issue: 100 issues a request, each with its own value (the first night of a large site
  // writes every issue; one request each would not fit in the trigger's time).
  await jira.setIssuePropertyBulk(PROPERTY_KEY, changed);
  return changed.length;
}
