import type { HygieneIssue } from './view';

/**
 * Reading an issue as anyone who may browse its project would, for figures computed without a person (the
 * nightly run acts as the app, which sees every project). Such figures are shown to whoever browses the project,
 * so they may rest only on that project's issues: a link to an issue of another project keeps its key and
 * wording (the link is on this issue) but loses the other issue's fields, as Jira shows a link to an issue the
 * reader may not browse. The rules then judge it as they judge any unreadable link: its status is unknown, so
 * "every blocker is done" is never claimed on the strength of an issue the reader might not see.
 */

/** The project key of an issue key ("PAY-216" → "PAY"); Jira project keys hold no hyphen. */
export function projectOfKey(issueKey: string): string {
  const dash = issueKey.lastIndexOf('-');
  return dash < 0 ? issueKey : issueKey.slice(0, dash);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The linked issue as an unreadable one: its id, key and address only. */
function unreadable(other: Record<string, unknown>): Record<string, unknown> {
  const { id, key, self } = other;
  return self === undefined ? { id, key } : { id, key, self };
}

/** A link whose other issue lies outside `projectKey`, as seen by a reader of that project only; else undefined. */
function boundLink(link: unknown, projectKey: string): unknown {
  if (!isRecord(link)) return undefined;
  for (const side of ['inwardIssue', 'outwardIssue'] as const) {
    const other = link[side];
    if (!isRecord(other) || typeof other.key !== 'string') continue;
    if (projectOfKey(other.key) === projectKey) return undefined;
    return { ...link, [side]: unreadable(other) };
  }
  return undefined;
}

/**
 * `issue` as a reader who may browse only `projectKey` sees its links (see above). The issue itself is returned
 * when none of its links leaves the project, so that a scan copies nothing for the usual issue.
 */
export function boundToProject<I extends HygieneIssue>(issue: I, projectKey: string): I {
  const links = issue.fields.issuelinks;
  if (!Array.isArray(links)) return issue;
  const bound = links.map((link: unknown) => boundLink(link, projectKey) ?? link);
  const changed = bound.some((link, index) => link !== links[index]);
  return changed ? { ...issue, fields: { ...issue.fields, issuelinks: bound } } : issue;
}
