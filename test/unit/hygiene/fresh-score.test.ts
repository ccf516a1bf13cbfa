import { describe, expect, it, vi } from 'vitest';
import type { Transport, TransportRequest } from '../../../src/atlassian/transport';
import { createMemoryStore } from '../../../src/platform/local';
import {
  FRESH_KEYS,
  FRESH_SCORE_DELAY_SECONDS,
  FRESH_SCORE_FLUSH_LIMIT,
  FRESH_SCORE_KIND,
  flushFreshScores,
  noteIssueChanged,
} from '../../../src/services/hygiene/fresh-score';
import { markBusy, type Platform, type QueuedJob } from '../../../src/services/ports';

const NOW = new Date('2026-11-16T09:00:00Z');

/** A Jira with no fields and no issues: the flush finds nothing to score but spends its requests. */
const emptyJira: Transport = {
  request(request: TransportRequest) {
    if (request.path === '/rest/api/3/field') return Promise.resolve({ status: 200, headers: {}, body: [] });
    if (request.path === '/rest/api/3/issue/bulkfetch')
      return Promise.resolve({ status: 200, headers: {}, body: { issues: [], issueErrors: [] } });
    return Promise.resolve({ status: 404, headers: {}, body: { errorMessages: ['not here'] } });
  },
};

/** A Jira that refuses every request, as during an outage answered with a permanent error. */
const refusingJira: Transport = {
  request: () => Promise.resolve({ status: 400, headers: {}, body: { errorMessages: ['refused'] } }),
};

function platformOf(
  options: { jira?: Transport; push?: (events: readonly QueuedJob[]) => Promise<void> } = {},
) {
  const pushes: QueuedJob[] = [];
  const platform: Platform = {
    jira: () => options.jira ?? emptyJira,
    confluence: () => refusingJira,
    store: createMemoryStore(),
    queue: {
      push: async (events) => {
        await options.push?.(events);
        pushes.push(...events);
      },
    },
    clock: { now: () => new Date(NOW), sleep: () => Promise.resolve() },
  };
  return { platform, pushes };
}

const edited = (key: string, id = key.replace(/\D/g, '')) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id, key, fields: {} },
  atlassianId: 'someone',
});

async function noted(platform: Platform): Promise<string[]> {
  return (await platform.store.list(FRESH_KEYS.pendingPrefix)).map((entry) =>
    entry.key.slice(FRESH_KEYS.pendingPrefix.length),
  );
}

const FLUSH = { body: { kind: FRESH_SCORE_KIND }, delayInSeconds: FRESH_SCORE_DELAY_SECONDS };

describe('the fresh-score trigger', () => {
  it('notes each edited issue once and queues one delayed flush for many edits', async () => {
    const { platform, pushes } = platformOf();
    await Promise.all(
      ['PAY-1', 'PAY-2', 'PAY-1', 'MOB-7'].map((key) => noteIssueChanged(platform, edited(key))),
    );
    expect((await noted(platform)).sort()).toEqual(['MOB-7', 'PAY-1', 'PAY-2']);
    expect(pushes).toEqual([FLUSH]);
  });

  it('notes nothing and queues nothing for an event that names no issue', async () => {
    const { platform, pushes } = platformOf();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await noteIssueChanged(platform, { eventType: 'avi:jira:updated:issue' })).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(await noted(platform)).toEqual([]);
    expect(pushes).toEqual([]);
  });

  it('queues a new flush when the one on its way is over five minutes late (its event was lost)', async () => {
    const { platform, pushes } = platformOf();
    await platform.store.set(FRESH_KEYS.flush, { at: new Date(NOW.getTime() - 6 * 60_000).toISOString() });
    await noteIssueChanged(platform, edited('PAY-1'));
    expect(pushes).toEqual([FLUSH]);
  });

  it('waits for the flush on its way when it was queued a minute ago', async () => {
    const { platform, pushes } = platformOf();
    await platform.store.set(FRESH_KEYS.flush, { at: new Date(NOW.getTime() - 60_000).toISOString() });
    await noteIssueChanged(platform, edited('PAY-1'));
    expect(pushes).toEqual([]);
    expect(await noted(platform)).toEqual(['PAY-1']);
  });

  it('lets the next edit queue the flush when the queue refused the push (past the minute’s events)', async () => {
    let refuse = true;
    const { platform, pushes } = platformOf({
      push: () =>
        refuse ? Promise.reject(markBusy(new Error('500 events this minute'))) : Promise.resolve(),
    });
    await expect(noteIssueChanged(platform, edited('PAY-1'))).rejects.toThrow('500 events this minute');
    refuse = false;
    await noteIssueChanged(platform, edited('PAY-2'));
    expect(pushes).toEqual([FLUSH]);
    expect((await noted(platform)).sort()).toEqual(['PAY-1', 'PAY-2']);
  });
});

describe('the fresh-score flush', () => {
  it('takes the noted issues, so that the next edit queues the next flush', async () => {
    const { platform, pushes } = platformOf();
    await noteIssueChanged(platform, edited('PAY-1'));
    expect(await flushFreshScores(platform)).toEqual({ taken: 1, written: 0 });
    expect(await noted(platform)).toEqual([]);
    await noteIssueChanged(platform, edited('PAY-2'));
    expect(pushes).toEqual([FLUSH, FLUSH]);
  });

  it('keeps the noted issues when Jira fails, for Forge’s retry of the flush', async () => {
    const { platform } = platformOf({ jira: refusingJira });
    await noteIssueChanged(platform, edited('PAY-1'));
    await noteIssueChanged(platform, edited('MOB-2'));
    await expect(flushFreshScores(platform)).rejects.toThrow();
    expect((await noted(platform)).sort()).toEqual(['MOB-2', 'PAY-1']);
  });

  it('takes at most its share of noted issues and queues the next flush at once for the rest', async () => {
    const { platform, pushes } = platformOf();
    const count = FRESH_SCORE_FLUSH_LIMIT + 5;
    for (let index = 1; index <= count; index += 1)
      await platform.store.set(FRESH_KEYS.pending(`PAY-${String(index)}`), { id: String(index) });
    expect(await flushFreshScores(platform)).toEqual({ taken: FRESH_SCORE_FLUSH_LIMIT, written: 0 });
    expect(await noted(platform)).toHaveLength(5);
    expect(pushes).toEqual([{ body: { kind: FRESH_SCORE_KIND }, delayInSeconds: 0 }]);
  });
});
