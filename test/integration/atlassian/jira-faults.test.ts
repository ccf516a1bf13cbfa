import { beforeAll, describe, expect, it } from 'vitest';
import { JiraClient } from '../../../src/atlassian/jira';
import { inList } from '../../../src/atlassian/jql';
import type { RetryPolicy } from '../../../src/atlassian/request';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { startSandbox, type SandboxOptions } from '../../../sandbox/server';

// Reads through a faulty sandbox: the client must still return every issue, retrying what is safe to retry.
const demo: SandboxOptions = { port: 0, seeds: ['demo'], seedNumber: 7 };
let projectKeys: string[] = [];
let expectedIds: string[] = [];
let fewest = 0;

beforeAll(async () => {
  const clean = await startSandbox(demo);
  try {
    const client = new JiraClient(createHttpTransport({ siteUrl: clean.url }));
    projectKeys = (await client.projects()).map((project) => project.key);
    expectedIds = await client.searchIds(inList('project', projectKeys));
    fewest = Math.ceil(expectedIds.length / 5000) + Math.ceil(expectedIds.length / 100);
  } finally {
    await clean.close();
  }
}, 60_000);

async function readThrough(faults: SandboxOptions, retry?: Partial<RetryPolicy>) {
  const sandbox = await startSandbox({ ...demo, ...faults });
  try {
    const client = new JiraClient(createHttpTransport({ siteUrl: sandbox.url }), retry ? { retry } : {});
    const { issues } = await client.searchIssues(inList('project', projectKeys), ['summary']);
    return { ids: issues.map((issue) => issue.id), requests: sandbox.stats().total };
  } finally {
    await sandbox.close();
  }
}

describe('JiraClient through faults', () => {
  it('reads every issue although a fifth of the requests fail with a 5xx', async () => {
    const { ids, requests } = await readThrough({ failRate: 0.2 }, { sleep: () => Promise.resolve() });
    expect(ids).toEqual(expectedIds);
    expect(requests).toBeGreaterThan(fewest);
  }, 60_000);

  it('waits as Retry-After says when rate limited, and still reads every issue', async () => {
    const { ids, requests } = await readThrough({ rateLimit: 8 });
    expect(ids).toEqual(expectedIds);
    expect(requests).toBeGreaterThan(fewest);
  }, 60_000);
});
