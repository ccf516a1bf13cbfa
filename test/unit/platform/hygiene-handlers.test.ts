import { describe, expect, it, vi } from 'vitest';

// The hygiene engineer's service functions stand in as recorders: these tests check only how the Forge entry
// points unwrap Forge's arguments (payload, context) before calling them.
const calls = vi.hoisted(() => ({ badge: [] as unknown[], scan: [] as unknown[], nightly: 0 }));
vi.mock('../../../src/services/hygiene/handlers', () => ({
  hygieneBadge: (_platform: unknown, event: unknown) => {
    calls.badge.push(event);
    return Promise.resolve({ title: 'Hygiene', label: '2 hygiene warnings' });
  },
  hygieneNightlyFanOut: () => {
    calls.nightly++;
    return Promise.resolve(['PAY', 'CHK']);
  },
}));
vi.mock('../../../src/services/consumer', () => ({
  queueConsumer: (_platform: unknown, event: unknown) => {
    calls.scan.push(event);
    return Promise.resolve();
  },
}));

const entry = await import('../../../src/index');

describe('hygiene Forge entry points', () => {
  it('gives the badge the issue and the user Forge names as principal', async () => {
    const answer = await entry.hygieneBadge(
      { extension: { issue: { key: 'MOD-7', id: '7' }, type: 'jira:issueContext' } },
      { principal: { accountId: 'acc-9' }, installContext: 'ari' },
    );
    expect(answer.label).toBe('2 hygiene warnings');
    expect(calls.badge.at(-1)).toEqual({
      context: {
        accountId: 'acc-9',
        extension: { issue: { key: 'MOD-7', id: '7' }, type: 'jira:issueContext' },
      },
    });
  });

  it('reads the badge issue from a payload that nests it under context, and runs as the app without a user', async () => {
    await entry.hygieneBadge(
      { context: { extension: { issue: { key: 'AC-1' } } } },
      { installContext: 'ari' },
    );
    expect(calls.badge.at(-1)).toEqual({ context: { extension: { issue: { key: 'AC-1' } } } });
  });

  it("hands the queue consumer's AsyncEvent to the app's dispatcher: body, job, event and retry count", async () => {
    await entry.hygieneScanConsumer({
      queueName: 'hygiene-scan',
      jobId: 'job-1',
      eventId: 'event-1',
      body: { scanId: 's1', part: 3 },
      retryContext: { retryCount: 2, retryReason: 'FUNCTION_TIME_OUT', retryData: null },
    });
    expect(calls.scan).toEqual([
      { body: { scanId: 's1', part: 3 }, jobId: 'job-1', eventId: 'event-1', retryCount: 2 },
    ]);
  });

  it('queues the nightly run of each project from the scheduled trigger, and logs which', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await entry.hygieneNightly();
    expect(calls.nightly).toBe(1);
    expect(log).toHaveBeenCalledWith('Hygiene nightly queued', JSON.stringify(['PAY', 'CHK']));
    log.mockRestore();
  });
});
