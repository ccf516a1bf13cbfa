/**
 * The foundation's wide read: all 6,686 shared real issues with a typical field list, over a sandbox adding 50 ms
 * to each request, read by `JiraClient.searchIssues` (ids in pages of 5000, then bulkfetch 100 at a time, 4 in
 * flight) against a plain sequential jira.js read (enhanced search, 100 a page with fields, following
 * nextPageToken). Both must return the same keys. A third row runs the client with one call in flight.
 */
import { createCloudClient } from 'jira.js';
import { JiraClient } from '../../src/atlassian/jira';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import {
  benchSandbox,
  check,
  measure,
  printFigures,
  TIDEV_ISSUES,
  TIDEV_JQL,
  TYPICAL_FIELDS,
} from './harness';

const JQL = TIDEV_JQL;
const FIELDS = TYPICAL_FIELDS;
const EXPECTED = 6686;
const LATENCY_MS = 50;

export async function run(): Promise<void> {
  const sandbox = await benchSandbox({ seeds: [TIDEV_ISSUES()], latencyMs: LATENCY_MS });
  try {
    const jiraJs = createCloudClient({ host: sandbox.url });
    const sequential = await measure(sandbox, async () => {
      const keys: string[] = [];
      let nextPageToken: string | undefined;
      do {
        const page = await jiraJs.issueSearch.searchAndReconsileIssuesUsingJqlPost({
          jql: JQL,
          fields: FIELDS,
          maxResults: 100,
          ...(nextPageToken ? { nextPageToken } : {}),
        });
        for (const issue of page.issues ?? []) if (issue.key) keys.push(issue.key);
        nextPageToken = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
      } while (nextPageToken);
      return keys;
    });

    const transport = createHttpTransport({ siteUrl: sandbox.url });
    const client = new JiraClient(transport);
    const wide = await measure(sandbox, async () =>
      (await client.searchIssues(JQL, FIELDS)).issues.map((issue) => issue.key),
    );
    // The same recipe one call at a time: shows how much of the gain is the parallel bulk fetch.
    const oneAtATime = new JiraClient(transport, { concurrency: 1 });
    const serial = await measure(sandbox, async () =>
      (await oneAtATime.searchIssues(JQL, FIELDS)).issues.map((issue) => issue.key),
    );
    check(
      serial.result.length === EXPECTED,
      `JiraClient (1 in flight) read ${String(serial.result.length)} issues`,
    );

    check(
      sequential.result.length === EXPECTED,
      `jira.js read ${String(sequential.result.length)} issues, expected ${String(EXPECTED)}`,
    );
    check(
      wide.result.length === EXPECTED,
      `JiraClient read ${String(wide.result.length)} issues, expected ${String(EXPECTED)}`,
    );
    const a = [...sequential.result].sort();
    const b = [...wide.result].sort();
    check(
      a.every((key, index) => key === b[index]),
      'the two readers returned different keys',
    );
    const fewest = Math.ceil(EXPECTED / 5000) + Math.ceil(EXPECTED / 100);
    check(
      wide.requests <= fewest,
      `JiraClient made ${String(wide.requests)} requests, more than ${String(fewest)}`,
    );

    printFigures(
      `Read ${String(EXPECTED)} issues, ${String(FIELDS.length)} fields, sandbox latency ${String(LATENCY_MS)} ms`,
      [
        { name: 'jira.js sequential search (100 a page)', requests: sequential.requests, ms: sequential.ms },
        {
          name: 'JiraClient ids + bulkfetch (4 in flight)',
          requests: wide.requests,
          ms: wide.ms,
          note: Object.entries(wide.byEndpoint)
            .map(([endpoint, count]) => `${endpoint.replace(/^POST \/rest\/api\/3\//, '')}: ${String(count)}`)
            .join(', '),
        },
        { name: 'JiraClient ids + bulkfetch (1 in flight)', requests: serial.requests, ms: serial.ms },
      ],
    );
  } finally {
    await sandbox.close();
  }
}
