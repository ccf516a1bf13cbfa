import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import {
  createLocalPlatform,
  createTwinMeter,
  createVirtualClock,
  type LocalPlatform,
} from '../../../src/platform/local';
import { queueConsumer } from '../../../src/services/consumer';
import { FRESH_SCORE_FLUSH_LIMIT, noteIssueChanged } from '../../../src/services/hygiene/fresh-score';

/**
 * A bulk edit: Jira raises one `avi:jira:updated:issue` per issue, and Forge runs the trigger for each, side by
 * side. The app must answer the storm with a bounded number of queue events, consumer runs and Jira requests,
 * within Forge's budgets of a minute, and still score every issue.
 */
const NOW = new Date('2026-11-16T09:00:00Z');
const EVENTS = 1000;
/** Forge runs many trigger invocations at once. */
const SIDE_BY_SIDE = 50;

let sandbox: RunningSandbox;
let platform: LocalPlatform;
const meter = createTwinMeter();

interface Issue {
  readonly id: string;
  readonly key: string;
}

async function search(jql: string): Promise<Issue[]> {
  const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['id'], maxResults: 5000 }),
  });
  if (!response.ok) throw new Error(`${jql}: ${String(response.status)} ${await response.text()}`);
  return ((await response.json()) as { issues: Issue[] }).issues;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  platform = createLocalPlatform({
    siteUrl: sandbox.url,
    now: NOW,
    // Standing still until a twin waits, so that the whole storm falls in one minute of Forge's budgets.
    twinClock: createVirtualClock(NOW.getTime()),
    observer: meter,
  });
});
afterAll(async () => {
  await sandbox.close();
});

describe('a bulk edit of many issues', () => {
  it('scores every edited issue once, in one consumer run and one queued event, within the minute’s budgets', async () => {
    const projects = ['PAY', 'MOB', 'GRW'];
    const issues = await search(`project in (${projects.join(', ')}) ORDER BY key ASC`);
    expect(issues.length).toBeGreaterThan(300);
    expect(issues.length).toBeLessThan(EVENTS);
    // Every issue is edited at least once, some twice (a bulk edit then a fix): the flush takes each once.
    const storm = Array.from({ length: EVENTS }, (_, index) => issues[index % issues.length] as Issue);
    const distinct = new Set(storm.map((issue) => issue.key)).size;
    expect(distinct).toBeLessThanOrEqual(FRESH_SCORE_FLUSH_LIMIT);
    sandbox.resetStats();
    for (let start = 0; start < storm.length; start += SIDE_BY_SIDE)
      await Promise.all(
        storm.slice(start, start + SIDE_BY_SIDE).map((issue) =>
          noteIssueChanged(platform, {
            eventType: 'avi:jira:updated:issue',
            issue: { id: issue.id, key: issue.key, fields: {} },
            atlassianId: 'someone',
          }),
        ),
      );
    // The trigger reads no Jira: the storm costs Jira nothing until the flush.
    expect(sandbox.stats().total).toBe(0);
    // The flush comes after the storm, as its 30 s delay lets the events of a bulk edit gather.
    platform.queue.setConsumer((delivery) => queueConsumer(platform, delivery));
    await platform.queue.drain();

    expect(platform.queue.failures).toEqual([]);
    const reading = meter.reading();
    expect(reading.consumerDeliveries).toBe(1);
    expect(reading.peakEvents).toBe(1);
    expect(reading.refusals).toEqual({});
    expect(reading.peakKvsWriteUnits).toBeLessThan(4000);
    expect(reading.peakKvsReadUnits).toBeLessThan(4000);
    // Per project and 100 issues, one bulk fetch for the parents, one to score and one to read the current
    // values back.
    const bulkFetches = sandbox.stats().byEndpoint['POST /rest/api/3/issue/bulkfetch'] ?? 0;
    expect(bulkFetches).toBeLessThanOrEqual(3 * (Math.ceil(distinct / 100) + projects.length));
    const scored = await search(`project in (${projects.join(', ')}) AND hygiene.score >= 0`);
    expect(scored.length).toBe(distinct);
  });
});
