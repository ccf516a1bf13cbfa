import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import { AppError } from '../../../src/contract/result';
import { createLocalPlatform, type LocalPlatform } from '../../../src/platform/local';
import { createResolvers } from '../../../src/resolvers';
import { evidenceView } from '../../../src/services/hygiene/evidence';

const NOW = new Date('2026-11-16T09:00:00Z');
const admin = DEMO_USERS.find((u) => u.isSiteAdmin);
const someone = DEMO_USERS.find((u) => !u.isSiteAdmin);

let sandbox: RunningSandbox;
let platform: LocalPlatform;
let resolvers: ReturnType<typeof createResolvers>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW });
  resolvers = createResolvers(platform);
});
afterAll(async () => {
  await sandbox.close();
});

const evidence = (payload: unknown, accountId = admin?.accountId) =>
  resolvers['hygiene.evidence']({ payload, context: { accountId, extension: {} } });

/** The resolved issues of a JQL, asked of the sandbox's REST API directly, as the admin (no credentials). */
async function resolvedCount(jql: string): Promise<number> {
  const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql: `${jql} AND resolution IS NOT EMPTY`, fields: ['id'], maxResults: 5000 }),
  });
  const page = (await response.json()) as { issues: unknown[] };
  return page.issues.length;
}

describe('hygiene.evidence, the admin page figures', () => {
  it("measures a project's resolved issues for a Jira administrator, with the default bad resolutions", async () => {
    const result = await evidence({ jql: 'project = PAY' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.resolved).toBe(await resolvedCount('project = PAY'));
    expect(result.data.resolved).toBeGreaterThan(0);
    expect(result.data.badResolutions).toContain('Cannot Reproduce');
    expect(result.data.notMeasurable).toContain('sprint-carry-over');
    for (const rule of result.data.rules) expect(rule.flagged).toBeLessThanOrEqual(rule.population);
  });

  it.each([
    [
      'refuses someone who is not a Jira administrator',
      { jql: 'project = PAY' },
      someone?.accountId,
      'FORBIDDEN',
    ],
    [
      'refuses a JQL that does not parse, before asking Jira',
      { jql: 'project = (' },
      admin?.accountId,
      'INVALID_INPUT',
    ],
    ['passes on Jira refusing a JQL', { jql: 'project = NOSUCH' }, admin?.accountId, 'JQL_REJECTED'],
    [
      'refuses an empty resolution name',
      { jql: 'project = PAY', badResolutions: [' '] },
      admin?.accountId,
      'INVALID_INPUT',
    ],
  ])('%s', async (_name, payload, accountId, code) => {
    const result = await evidence(payload, accountId);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('answers a typed CONFLICT naming the limit for a scope larger than it measures at once', async () => {
    if (admin === undefined) throw new Error('no admin');
    const attempt = evidenceView(
      platform,
      { kind: 'user', accountId: admin.accountId },
      { jql: 'project = PAY', inlineLimit: 5 },
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'evidence-scope-too-large', limit: 5 },
    });
  });
});
