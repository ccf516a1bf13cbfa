import { describe, expect, it, vi } from 'vitest';

// Forge's KVS throws outside the Forge runtime: a small fake in its place answers as KVS does when the
// installation spent its minute (429) or fails otherwise (500); the trigger's answer to Forge is checked.
const kvsAnswer = vi.hoisted(() => ({ status: 429 }));

vi.mock('@forge/kvs', () => {
  class ForgeKvsAPIError extends Error {
    constructor(
      readonly responseDetails: { status: number },
      forgeError: { code: string; message: string },
    ) {
      super(forgeError.message);
    }
  }
  const refuse = () =>
    Promise.reject(
      new ForgeKvsAPIError(
        { status: kvsAnswer.status },
        { code: kvsAnswer.status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL', message: 'refused' },
      ),
    );
  return {
    ForgeKvsAPIError,
    WhereConditions: { beginsWith: (prefix: string) => ({ condition: 'BEGINS_WITH', values: [prefix] }) },
    kvs: { get: refuse, set: refuse, delete: refuse, query: refuse },
  };
});

const { hygieneIssueChanged } = await import('../../../src/platform/forge/hygiene');

const edit = {
  eventType: 'avi:jira:updated:issue',
  issue: { id: '10001', key: 'PAY-1', fields: {} },
  atlassianId: 'someone',
};

describe('the fresh-score trigger as Forge runs it', () => {
  it('asks Forge to deliver the event again in a minute when the storage budget of the minute is spent', async () => {
    kvsAnswer.status = 429;
    // InvocationError's constructor hands back the plain object Forge reads.
    expect(await hygieneIssueChanged(edit)).toEqual({
      _retry: true,
      retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_PLATFORM_RATE_LIMITED' },
    });
  });

  it('fails loudly on any other storage failure, which Forge logs', async () => {
    kvsAnswer.status = 500;
    await expect(hygieneIssueChanged(edit)).rejects.toThrow('refused');
  });
});
