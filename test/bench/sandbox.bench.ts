/**
 * The sandbox's own speed with the 6,686 real tidev issues and no added latency: startup, the background
 * wiki → ADF warm-up, and the server-side cost of reading every issue as pages of 100 with fields (the
 * baseline) against ids in pages of 5000 then bulkfetch of 100, first and repeated.
 */
import type { RunningSandbox } from '../../sandbox/server';
import {
  benchSandbox,
  check,
  measure,
  printFigures,
  TIDEV_ISSUES,
  TIDEV_JQL,
  TYPICAL_FIELDS,
  type Figure,
} from './harness';

async function time<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await task();
  return { result, ms: performance.now() - start };
}

const JQL = TIDEV_JQL;
const FIELDS = TYPICAL_FIELDS;

interface Page {
  issues: { id: string; key: string }[];
  nextPageToken?: string;
}

async function post(sandbox: RunningSandbox, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function pagesWithFields(sandbox: RunningSandbox): Promise<string[]> {
  const keys: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = (await post(sandbox, '/rest/api/3/search/jql', {
      jql: JQL,
      fields: FIELDS,
      maxResults: 100,
      nextPageToken,
    })) as Page;
    keys.push(...page.issues.map((issue) => issue.key));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return keys;
}

async function idsThenBulkfetch(sandbox: RunningSandbox): Promise<string[]> {
  const ids: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = (await post(sandbox, '/rest/api/3/search/jql', {
      jql: JQL,
      fields: ['id'],
      maxResults: 5000,
      nextPageToken,
    })) as Page;
    ids.push(...page.issues.map((issue) => issue.id));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  const keys: string[] = [];
  for (let index = 0; index < ids.length; index += 100) {
    const batch = (await post(sandbox, '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ids.slice(index, index + 100),
      fields: FIELDS,
    })) as Page;
    keys.push(...batch.issues.map((issue) => issue.key));
  }
  return keys;
}

export async function run(): Promise<void> {
  const started = await time(() => benchSandbox({ seeds: [TIDEV_ISSUES()] }));
  const sandbox = started.result;
  try {
    const warm = await time(() => sandbox.warmedUp);
    const baseline = await measure(sandbox, () => pagesWithFields(sandbox));
    const wide = await measure(sandbox, () => idsThenBulkfetch(sandbox));
    const again = await measure(sandbox, () => idsThenBulkfetch(sandbox));
    check(baseline.result.length === 6686, `pages of 100 read ${baseline.result.length} issues, not 6686`);
    check(wide.result.length === 6686, `ids then bulkfetch read ${wide.result.length} issues, not 6686`);
    check(new Set(wide.result).size === 6686, 'ids then bulkfetch read some issue twice');
    const perBulkfetch = wide.ms / (wide.byEndpoint['POST /rest/api/3/issue/bulkfetch'] ?? 1);
    const figures: Figure[] = [
      { name: 'pages of 100 with fields', requests: baseline.requests, ms: baseline.ms, note: 'baseline' },
      {
        name: 'ids (5000 a page) then bulkfetch 100',
        requests: wide.requests,
        ms: wide.ms,
        note: `${perBulkfetch.toFixed(1)} ms per request`,
      },
      { name: 'the same again (search cached)', requests: again.requests, ms: again.ms },
    ];
    printFigures('Sandbox server cost, tidev seed (6,686 issues), no added latency', figures);
    console.log(
      `startup to listening: ${started.ms.toFixed(0)} ms; background wiki → ADF warm-up after that: ${warm.ms.toFixed(0)} ms`,
    );
  } finally {
    await sandbox.close();
  }
}
