import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { JiraClient } from '../../../src/atlassian/jira';
import type { TransportRequest } from '../../../src/atlassian/transport';
import { createHttpTransport, createMemoryStore } from '../../../src/platform/local';
import { scanIds, scanJql, type ScanOutcome } from '../../../src/services/hygiene/scan';
import { loadSettings } from '../../../src/services/hygiene/scan-settings';

const NOW = new Date('2026-11-16T09:00:00Z');
let sandbox: RunningSandbox;
let jira: JiraClient;
const sent: TransportRequest[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  const http = createHttpTransport({ siteUrl: sandbox.url });
  jira = new JiraClient({
    request: (request) => {
      sent.push(request);
      return http.request(request);
    },
  });
});
afterAll(async () => {
  await sandbox.close();
});

const flaggedEmpty = (outcome: ScanOutcome): string[] =>
  outcome.results
    .filter((result) => result.findings.some((finding) => finding.rule === 'epic-empty'))
    .map((result) => result.issue)
    .sort();
const jqlOf = (request: TransportRequest): string =>
  request.path === '/rest/api/3/search/jql' ? String((request.body as { jql?: unknown }).jql) : '';

describe('children of epics in a report', () => {
  it('are looked up while the pages load, and give the epics the late lookup gives', async () => {
    // Only epics in scope: every child lies outside it, so each epic's answer comes from the lookup.
    const scope = 'project = PAY AND issuetype = Epic ORDER BY key';
    const settings = await loadSettings(createMemoryStore(), jira, {
      now: NOW.getTime(),
      acknowledgements: [],
    });
    sent.length = 0;
    const early = await scanJql(jira, scope, settings);
    const earlyRequests = sent.splice(0);
    const late = await scanIds(jira, early.ids, settings);
    const lateRequests = sent.splice(0);

    expect(flaggedEmpty(early)).toEqual(flaggedEmpty(late));
    // The demo holds an empty epic, and epics whose stories make them not empty.
    expect(flaggedEmpty(early).length).toBeGreaterThan(0);
    expect(flaggedEmpty(early).length).toBeLessThan(early.results.length);

    // Early: the scope's epics (its ORDER BY left out), then their children; nothing asked after the pages.
    expect(earlyRequests.map(jqlOf)).toContain(
      '(project = PAY AND issuetype = Epic) AND issuetype IN ("epic")',
    );
    expect(earlyRequests.filter((request) => jqlOf(request).startsWith('parent in'))).toHaveLength(1);
    // Late (ids without their JQL): one search for the epics without children in the scan, after the pages.
    const lateSearch = lateRequests.findIndex((request) => jqlOf(request).startsWith('parent in'));
    const pages = lateRequests.findIndex((request) => request.path === '/rest/api/3/issue/bulkfetch');
    expect(lateSearch).toBeGreaterThan(pages);
  });
});
