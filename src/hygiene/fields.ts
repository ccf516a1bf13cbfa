// Its own file so that view.ts can read it without importing types.ts, which imports view.ts.
/**
 * Where the Jira fields that differ between sites live. Found through `/rest/api/3/field` (or set by the admin);
 * a missing id means the site has no such field and the rules that read it fall back or stay silent.
 */
export interface FieldMap {
  readonly storyPoints?: string | undefined;
  readonly sprint?: string | undefined;
  readonly team?: string | undefined;
  readonly flagged?: string | undefined;
  readonly acceptanceCriteria?: string | undefined;
  readonly stepsToReproduce?: string | undefined;
}
