import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { runCli } from '../cli/run-cli';

const NOW = '2026-11-16T09:00:00Z';
const SCOPE = 'project in (PAY, CHK, GRW, PLT, MOB, DAT)';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: new Date(NOW) });
}, 60_000);
afterAll(async () => {
  await sandbox.close();
});

const agree = (args: string[], now = NOW): ReturnType<typeof runCli> =>
  runCli(['deps', 'agree', '--site', sandbox.url, '--now', now, ...args]);

const agreementSchema = z
  .object({
    neededBy: z.string().nullable(),
    committedBy: z.string().nullable(),
    declined: z.string().nullable(),
    status: z.enum(['asked', 'committed', 'declined', 'broken']),
  })
  .strict();
const reportSchema = z.object({
  dependencies: z.array(
    z.object({
      blocker: z.string().nullable(),
      blocked: z.string().nullable(),
      agreement: agreementSchema.nullable(),
    }),
  ),
  unreadableAgreements: z.array(z.string()),
});

/** `deps --format json` over the demo's product teams, as `now` sees it. */
async function report(now = NOW): Promise<z.infer<typeof reportSchema>> {
  const run = await runCli(['deps', '--site', sandbox.url, '--now', now, '--jql', SCOPE, '--format', 'json']);
  expect(run.stderr).not.toContain('vertebra:');
  return reportSchema.parse(JSON.parse(run.stdout));
}

const agreementOf = (r: z.infer<typeof reportSchema>, blocker: string, blocked: string) =>
  r.dependencies.find((d) => d.blocker === blocker && d.blocked === blocked)?.agreement;

/** The blocker's stored property, read as the site admin. */
async function property(key: string): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/rest/api/3/issue/${key}/properties/vertebra.agreements`);
  return response.status === 404 ? undefined : ((await response.json()) as { value: unknown }).value;
}

// Cross-team pairs of the demo (blocker → blocked), each case on its own so that the shared site stays readable.
describe('vertebra deps agree', () => {
  it('asks, then commits, and the report shows the agreement on that dependency only', async () => {
    const asked = await agree(['--blocker', 'GRW-39', '--blocked', 'PAY-38', '--needed-by', '2026-12-01']);
    expect(asked).toMatchObject({ code: 0, stderr: '' });
    expect(asked.stdout).toBe('GRW-39 blocks PAY-38: asked (needed by 2026-12-01)\n');
    const committed = await agree([
      '--blocker',
      'grw-39',
      '--blocked',
      'PAY-38',
      '--commit',
      '2026-12-10',
      '--format',
      'json',
    ]);
    expect(committed.code).toBe(0);
    expect(JSON.parse(committed.stdout)).toEqual({
      blocker: 'GRW-39',
      blocked: 'PAY-38',
      agreement: { neededBy: '2026-12-01', committedBy: '2026-12-10', declined: null, status: 'committed' },
    });
    const now = await report();
    expect(agreementOf(now, 'GRW-39', 'PAY-38')).toEqual({
      neededBy: '2026-12-01',
      committedBy: '2026-12-10',
      declined: null,
      status: 'committed',
    });
    // Every other dependency says so with null, the field is never missing.
    expect(now.dependencies.filter((d) => d.agreement !== null)).toHaveLength(1);
    const table = await runCli(['deps', '--site', sandbox.url, '--now', NOW, '--jql', 'key = PAY-38']);
    expect(table.stdout.split('\n').find((line) => line.startsWith('GRW-39'))).toMatch(
      /PAY-38 .* committed 2026-12-10$/,
    );
  });

  it('shows a commitment as broken once its day passed with the blocker not done', async () => {
    expect((await agree(['--blocker', 'PLT-68', '--blocked', 'PAY-14', '--commit', '2026-11-20'])).code).toBe(
      0,
    );
    expect(agreementOf(await report('2026-11-20T18:00:00Z'), 'PLT-68', 'PAY-14')?.status).toBe('committed');
    expect(agreementOf(await report('2026-11-21T09:00:00Z'), 'PLT-68', 'PAY-14')?.status).toBe('broken');
  });

  it('declines with a reason, which drops the commitment', async () => {
    await agree(['--blocker', 'CHK-67', '--blocked', 'PAY-130', '--commit', '2026-12-01']);
    const run = await agree([
      '--blocker',
      'CHK-67',
      '--blocked',
      'PAY-130',
      '--decline',
      'No capacity\nin Q4',
    ]);
    expect(run.stdout).toBe('CHK-67 blocks PAY-130: declined (declined: No capacity in Q4)\n');
    expect(agreementOf(await report(), 'CHK-67', 'PAY-130')).toEqual({
      neededBy: null,
      committedBy: null,
      declined: 'No capacity in Q4',
      status: 'declined',
    });
  });

  it('tells a contractor who may not see the blocked issue that it is not found, and writes nothing', async () => {
    const run = await runCli([
      'deps',
      'agree',
      '--site',
      sandbox.url,
      '--now',
      NOW,
      '--as',
      'alex.contractor@example.com',
      '--blocker',
      'MOB-120',
      '--blocked',
      'PAY-77',
      '--needed-by',
      '2026-12-01',
    ]);
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'vertebra: Issue PAY-77 does not exist or you may not see it.\n',
    });
    expect(await property('MOB-120')).toBeUndefined();
  });

  it.each([
    ['no change asked', ['--blocker', 'DAT-219', '--blocked', 'CHK-233'], 'give exactly one of'],
    [
      'two changes at once',
      ['--blocker', 'DAT-219', '--blocked', 'CHK-233', '--commit', '2026-12-01', '--decline', 'No'],
      'give exactly one of',
    ],
    [
      'a day that does not exist',
      ['--blocker', 'DAT-219', '--blocked', 'CHK-233', '--commit', '2026-02-30'],
      'YYYY-MM-DD',
    ],
    [
      'a day already passed',
      ['--blocker', 'DAT-219', '--blocked', 'CHK-233', '--commit', '2026-11-15'],
      'has passed',
    ],
    [
      'an empty reason',
      ['--blocker', 'DAT-219', '--blocked', 'CHK-233', '--decline', '  '],
      'a reason of 1 to 500',
    ],
    [
      'not an issue key',
      ['--blocker', 'DAT 219', '--blocked', 'CHK-233', '--commit', '2026-12-01'],
      'issue key',
    ],
    [
      'two issues with no blocking link',
      ['--blocker', 'CHK-233', '--blocked', 'DAT-219', '--commit', '2026-12-01'],
      'CHK-233 does not block DAT-219',
    ],
  ])('refuses %s with one line and exit 2, writing nothing', async (_name, args, says) => {
    const run = await agree(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(says);
    expect(await property('DAT-219')).toBeUndefined();
  });

  it('reports around a hostile property, and refuses to write over it', async () => {
    const hostile = { agreements: [{ blocked: '__proto__', neededBy: 'soon', extra: 'x'.repeat(1000) }] };
    const put = await fetch(`${sandbox.url}/rest/api/3/issue/MOB-57/properties/vertebra.agreements`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hostile),
    });
    expect(put.ok).toBe(true);
    const now = await report();
    expect(now.unreadableAgreements).toEqual(['MOB-57']);
    const table = await runCli(['deps', '--site', sandbox.url, '--now', NOW, '--jql', 'key = CHK-197']);
    expect(table.stdout).toContain('Agreements that cannot be read (left out): MOB-57.');
    expect(agreementOf(now, 'MOB-57', 'CHK-197')).toBeNull();
    const run = await agree(['--blocker', 'MOB-57', '--blocked', 'CHK-197', '--commit', '2026-12-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'The agreements kept on MOB-57 cannot be read (malformed); nothing was changed.',
    );
    expect(await property('MOB-57')).toEqual(hostile);
  });
});
