import { JiraClient, type Progress } from '../../atlassian/jira';
import { allOf, JqlSyntaxError } from '../../atlassian/jql';
import type { EvidenceData, EvidenceLimitDetails } from '../../contract/hygiene';
import { AppError } from '../../contract/result';
import { DEFAULT_BAD_RESOLUTIONS, EvidenceTally, type EvidenceReport } from '../../hygiene/evidence';
import { isJiraAdmin } from '../guards';
import type { Platform, Principal } from '../ports';
import { REPORT_CONCURRENCY } from './scan';
import { fieldsToRead, loadSettings, type ScanSettings } from './scan-settings';
import { hygieneRefusal } from '../refusals';

/** What the evidence reads besides what the rules read: how and when each issue ended. */
const OUTCOME_FIELDS = ['resolution', 'created', 'resolutiondate'];

/** The clause that keeps a scope's resolved issues, joined to the user's JQL as a tree, never as text. */
const RESOLVED = 'resolution IS NOT EMPTY';

/**
 * The resolved issues of the user's JQL (its ORDER BY dropped). A JQL that Atlassian's parser does not read is
 * refused as INVALID_INPUT rather than sent; one that Jira refuses fails as Jira says (JQL_REJECTED).
 */
function resolvedScope(jql: string): string {
  try {
    return allOf(jql, RESOLVED);
  } catch (error) {
    if (error instanceof JqlSyntaxError)
      throw new AppError('INVALID_INPUT', error.message, { problems: error.problems });
    throw error;
  }
}

/**
 * The evidence of every measurable rule over the resolved issues of `jql`, read as a report reads its scope:
 * ids in pages of 5000, each page bulk fetched 100 at a time while the next page of ids is listed, each issue
 * added to the tally and let go. Only the fields the measurable rules read and the outcome fields are asked for.
 * Rules are measured with their configured options whether switched on or not.
 */
export async function evidenceOfJql(
  jira: JiraClient,
  jql: string,
  settingsOrPromise: ScanSettings | PromiseLike<ScanSettings>,
  badResolutions: readonly string[],
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<EvidenceReport> {
  return evidenceOfIdPages(
    jira,
    jira.searchIdPages(resolvedScope(jql)),
    settingsOrPromise,
    badResolutions,
    options,
  );
}

/** `evidenceOfJql` over ids already listed (pages of them, or one). */
async function evidenceOfIdPages(
  jira: JiraClient,
  idPages: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  settingsOrPromise: ScanSettings | PromiseLike<ScanSettings>,
  badResolutions: readonly string[],
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<EvidenceReport> {
  // The first page of ids is asked for while the settings (and the field map) load.
  const pages =
    Symbol.asyncIterator in idPages ? idPages[Symbol.asyncIterator]() : idPages[Symbol.iterator]();
  const first = Promise.resolve(pages.next());
  first.catch(() => undefined);
  const settings = await settingsOrPromise;
  const measured = settings.rules
    .filter((setting) => setting.rule.evidence !== undefined)
    .map((setting) => ({ ...setting, enabled: true }));
  const fields = [...fieldsToRead(measured, settings.fieldMap), ...OUTCOME_FIELDS];
  const tally = new EvidenceTally({
    rules: settings.rules,
    fieldMap: settings.fieldMap,
    now: settings.now,
    badResolutions,
  });
  let listed = 0;
  let fetched = 0;
  // One page's bulk fetches at a time (each runs its own calls in flight), the listing running ahead.
  let fetching = Promise.resolve();
  for (let page = await first; page.done !== true; page = await pages.next()) {
    const ids = page.value;
    listed += ids.length;
    options.onProgress?.({ done: fetched, total: listed });
    fetching = fetching.then(async () => {
      const issues = await jira.bulkFetch(ids, fields);
      for (const issue of issues) tally.add(issue);
      fetched += ids.length;
      options.onProgress?.({ done: fetched, total: listed });
    });
    // A failed fetch is the run's failure, reported once the listing is over.
    fetching.catch(() => undefined);
  }
  await fetching;
  return tally.report();
}

/** Resolved issues a resolver measures at once, as a report scans inline: a resolver has 25 s. */
const INLINE_EVIDENCE_LIMIT = 1500;

/**
 * The evidence the admin page shows: Jira administrators only, as the organisation's rules they weigh, read as
 * them, with the organisation's settings. A scope of more than `inlineLimit` resolved issues (one page of ids
 * tells) is refused as CONFLICT with `EvidenceLimitDetails`: queuing it is not built yet.
 */
export async function evidenceView(
  platform: Platform,
  principal: Principal,
  input: { jql: string; badResolutions?: readonly string[] | undefined; inlineLimit?: number },
): Promise<EvidenceData> {
  const jira = new JiraClient(platform.jira(principal), { concurrency: REPORT_CONCURRENCY });
  if (!(await isJiraAdmin(jira))) throw hygieneRefusal('FORBIDDEN', 'notEvidenceAdmin');
  const limit = input.inlineLimit ?? INLINE_EVIDENCE_LIMIT;
  const scope = resolvedScope(input.jql);
  const now = platform.clock.now().getTime();
  const settings = loadSettings(platform.store, jira, { now, acknowledgements: [] });
  settings.catch(() => undefined);
  const first = await jira.idPage(scope, { maxResults: limit });
  if (first.nextPageToken !== undefined) {
    const details: EvidenceLimitDetails = { reason: 'evidence-scope-too-large', limit };
    throw new AppError(
      'CONFLICT',
      `This scope holds more than ${limit.toLocaleString('en')} resolved issues, more than can be measured at once. ` +
        'Narrow the JQL (a project, or issues created since a date), or run `vertebra hygiene evidence`.',
      details,
    );
  }
  const report = await evidenceOfIdPages(
    jira,
    [first.ids],
    settings,
    input.badResolutions ?? DEFAULT_BAD_RESOLUTIONS,
  );
  return { jql: input.jql, ...report };
}
