import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/contract/dependency-csv';
import {
  agreementOf,
  AGREEMENTS_PROPERTY,
  applyAgreement,
  declineReason,
  MAX_AGREEMENTS,
  readAgreements,
  type StoredAgreement,
} from '../../../src/dependencies/agreements';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { toJson } from '../../../src/dependencies/export';
import { publishWordsFor, renderAlignmentSection } from '../../../src/dependencies/publish';
import { readIssue } from '../../../src/dependencies/read';
import { compareSnapshots, snapshotAsSeenBy, takeSnapshot } from '../../../src/dependencies/snapshot';
import { blocks, done, issue, NOW } from './fixtures';

const entry = (overrides: Partial<StoredAgreement> = {}): StoredAgreement => ({
  blocked: '10002',
  neededBy: '2026-12-01',
  committedBy: null,
  declined: null,
  updated: '2026-11-10T09:00:00.000Z',
  ...overrides,
});

describe('reading the agreements property', () => {
  it('reads an issue without the property as having no agreements', () => {
    expect(readAgreements(undefined)).toEqual({ ok: true, agreements: [] });
  });

  it('reads a well-formed property entry by entry', () => {
    const agreements = [entry(), entry({ blocked: '10003', committedBy: '2026-11-30' })];
    expect(readAgreements({ agreements })).toEqual({ ok: true, agreements });
  });

  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  it.each([
    ['a bare list', [entry()]],
    ['a string', 'agreements'],
    ['null', null],
    ['an unknown top-level key', { agreements: [], extra: 1 }],
    ['an own __proto__ key', JSON.parse('{"agreements":[],"__proto__":{"polluted":true}}') as unknown],
    ['a day that does not exist', { agreements: [entry({ neededBy: '2026-02-30' })] }],
    ['a day with a time', { agreements: [entry({ neededBy: '2026-12-01T00:00:00Z' })] }],
    ['a blocked issue named by key', { agreements: [entry({ blocked: 'CHK-2' })] }],
    ['two entries for one blocked issue', { agreements: [entry(), entry()] }],
    ['an entry that says nothing', { agreements: [entry({ neededBy: null })] }],
    ['a decline reason too long', { agreements: [entry({ declined: 'x'.repeat(501) })] }],
    [
      'more entries than one blocker may hold',
      { agreements: Array.from({ length: MAX_AGREEMENTS + 1 }, (_, i) => entry({ blocked: String(i) })) },
    ],
    ['an object that refers to itself', cyclic],
  ])('refuses %s as malformed, without throwing', (_name, value) => {
    expect(readAgreements(value)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses a value larger than Jira keeps as too large, before reading it', () => {
    const value = { agreements: [entry({ declined: 'x'.repeat(400) })], padding: 'y'.repeat(40_000) };
    expect(readAgreements(value)).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('the status of an agreement', () => {
  const today = '2026-11-16';
  it.each<[string, Partial<StoredAgreement>, boolean, string]>([
    ['asked, the day still ahead', {}, false, 'asked'],
    ['asked, needed by today', { neededBy: today }, false, 'asked'],
    ['asked, the needed day passed and the blocker open', { neededBy: '2026-11-15' }, false, 'broken'],
    ['asked, the needed day passed and the blocker done', { neededBy: '2026-11-15' }, true, 'asked'],
    ['committed, the day still ahead', { committedBy: '2026-11-20' }, false, 'committed'],
    [
      'committed later than needed, the needed day passed',
      { neededBy: '2026-11-01', committedBy: '2026-11-20' },
      false,
      'committed',
    ],
    ['committed, the day passed and the blocker open', { committedBy: '2026-11-10' }, false, 'broken'],
    ['committed, the day passed and the blocker done', { committedBy: '2026-11-10' }, true, 'committed'],
    [
      'declined, even with the needed day passed',
      { neededBy: '2026-11-01', declined: 'No capacity' },
      false,
      'declined',
    ],
  ])('%s', (_name, overrides, blockerDone, status) => {
    expect(agreementOf(entry(overrides), blockerDone, today).status).toBe(status);
  });
});

describe('changing an agreement', () => {
  const at = '2026-11-16T09:00:00.000Z';
  const ask = { kind: 'ask', neededBy: '2026-12-01' } as const;
  const commit = { kind: 'commit', committedBy: '2026-11-28' } as const;
  const decline = { kind: 'decline', reason: 'No capacity this quarter' } as const;

  it('adds an ask for a blocked issue after the others, which stay as they were', () => {
    const other = entry({ blocked: '10009' });
    const applied = applyAgreement([other], '10002', ask, at);
    expect(applied).toEqual({
      ok: true,
      agreement: entry({ updated: at }),
      property: { agreements: [other, entry({ updated: at })] },
    });
  });

  it('keeps the ask when the blocker commits, and drops the commitment when it then declines', () => {
    const asked = applyAgreement([], '10002', ask, at);
    if (!asked.ok) throw new Error('ask refused');
    const committed = applyAgreement(asked.property.agreements, '10002', commit, at);
    if (!committed.ok) throw new Error('commit refused');
    expect(committed.agreement).toMatchObject({
      neededBy: '2026-12-01',
      committedBy: '2026-11-28',
      declined: null,
    });
    const declined = applyAgreement(committed.property.agreements, '10002', decline, at);
    expect(declined).toMatchObject({
      ok: true,
      agreement: { neededBy: '2026-12-01', committedBy: null, declined: 'No capacity this quarter' },
    });
    expect(declined.ok && declined.property.agreements).toHaveLength(1);
  });

  it('reopens a declined agreement when the blocked team asks again', () => {
    const applied = applyAgreement(
      [entry({ declined: 'No' })],
      '10002',
      { kind: 'ask', neededBy: '2027-01-15' },
      at,
    );
    expect(applied).toMatchObject({ ok: true, agreement: { neededBy: '2027-01-15', declined: null } });
  });

  it('refuses a new blocked issue once the blocker holds the most agreements it may', () => {
    const full = Array.from({ length: MAX_AGREEMENTS }, (_, i) => entry({ blocked: String(i) }));
    expect(applyAgreement(full, '10002', ask, at)).toEqual({ ok: false, problem: 'too-many' });
    expect(applyAgreement(full, '7', commit, at).ok).toBe(true);
  });

  it.each([
    ['folds line breaks and spaces', ' No  capacity\n this quarter ', 'No capacity this quarter'],
    ['refuses an empty reason', ' \n ', null],
    ['refuses a reason over 500 characters', 'x'.repeat(501), null],
  ])('a decline reason: %s', (_name, text, kept) => {
    expect(declineReason(text)).toBe(kept);
  });
});

describe('agreements in the report', () => {
  const withAgreements = (key: string, agreements: StoredAgreement[]) =>
    issue(key, { agreements: agreements.map((a) => ({ ...a, blocked: `id-${a.blocked}` })) });

  it('shows on the dependency with its blocked issue, and on no other', () => {
    const report = analyseDependencies({
      issues: [
        withAgreements('PAY-1', [entry({ blocked: 'CHK-2', committedBy: '2026-11-10' })]),
        issue('CHK-2'),
        issue('GRW-3'),
      ],
      links: [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'GRW-3')],
      now: NOW,
    });
    const byBlocked = new Map(report.dependencies.map((d) => [d.blocked?.key, d.agreement]));
    expect(byBlocked.get('CHK-2')).toEqual({
      neededBy: '2026-12-01',
      committedBy: '2026-11-10',
      declined: null,
      status: 'broken',
    });
    expect(byBlocked.get('GRW-3')).toBeNull();
    expect(
      toJson(report)
        .dependencies.map((d) => d.agreement?.status ?? null)
        .sort(),
    ).toEqual(['broken', null]);
  });

  it('is not broken once the blocker is done', () => {
    const report = analyseDependencies({
      issues: [
        { ...withAgreements('PAY-1', [entry({ blocked: 'CHK-2', committedBy: '2026-11-10' })]), ...done },
        issue('CHK-2'),
      ],
      links: [blocks('PAY-1', 'CHK-2')],
      now: NOW,
    });
    expect(report.dependencies[0]?.agreement?.status).toBe('committed');
  });

  it('leaves out what was asked for a blocked issue the user may not see', () => {
    const report = analyseDependencies({
      issues: [withAgreements('PAY-1', [entry({ blocked: 'CHK-2' })])],
      links: [blocks('PAY-1', 'CHK-2')],
      hiddenIds: new Set(['id-CHK-2']),
      now: NOW,
    });
    expect(report.dependencies).toEqual([expect.objectContaining({ blocked: null, agreement: null })]);
  });

  it('names a blocker whose property is hostile and still reports every dependency', () => {
    const options = { teamBy: { kind: 'project' } as const, fieldIds: {} };
    const raw = (id: string, key: string, agreements: unknown) => ({
      id,
      key,
      fields: { summary: key, status: { name: 'To Do', statusCategory: { key: 'new' } } },
      properties: { [AGREEMENTS_PROPERTY]: agreements },
    });
    const issues = [
      readIssue(raw('1', 'PAY-1', { agreements: 'not a list' }), options, true),
      readIssue(raw('2', 'CHK-2', undefined), options, true),
      readIssue(raw('3', 'GRW-3', { agreements: [entry({ blocked: '2' })] }), options, true),
    ];
    const links = [
      { linkId: 'a', blockerId: '1', blockedId: '2', typeName: 'Blocks' },
      { linkId: 'b', blockerId: '3', blockedId: '2', typeName: 'Blocks' },
    ];
    const report = analyseDependencies({ issues, links, now: NOW });
    expect(report.unreadableAgreements).toEqual(['PAY-1']);
    expect(report.dependencies.map((d) => [d.blocker?.key, d.agreement?.status ?? null])).toEqual([
      ['GRW-3', 'asked'],
      ['PAY-1', null],
    ]);
  });
});

describe('agreements in the CSV', () => {
  it('fills the agreement columns of the dependency that has one, reason defused, and leaves the others empty', () => {
    const report = analyseDependencies({
      issues: [
        issue('PAY-1', {
          agreements: [{ ...entry({ blocked: 'id-CHK-2' }), neededBy: null, declined: '=cmd, "no"' }],
        }),
        issue('CHK-2'),
        issue('GRW-3'),
      ],
      links: [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'GRW-3')],
      now: NOW,
    });
    const rows = parseCsv<Record<string, string>>(toCsv(report.dependencies), { columns: true });
    const pick = (row: Record<string, string> | undefined) => [
      row?.['blocked'],
      row?.['agreement'],
      row?.['needed by'],
      row?.['committed by'],
      row?.['declined because'],
    ];
    expect(rows.map(pick)).toEqual([
      ['CHK-2', 'declined', '', '', `'=cmd, "no"`],
      ['GRW-3', '', '', '', ''],
    ]);
  });
});

describe('agreements in a review', () => {
  const reportAt = (now: Date, agreements: StoredAgreement[]) =>
    analyseDependencies({
      issues: [
        issue('PAY-1', { agreements: agreements.map((a) => ({ ...a, blocked: `id-${a.blocked}` })) }),
        issue('CHK-2'),
        issue('GRW-3'),
        issue('MOB-4'),
      ],
      links: [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'GRW-3'), blocks('PAY-1', 'MOB-4')],
      now,
    });
  const lastWeek = new Date('2026-11-09T09:00:00Z');
  const keysOf = (changes: readonly { blocked: string | null }[] | undefined) =>
    changes?.map((c) => c.blocked);

  it('lists new asks, new commitments and commitments broken since the review, and nothing unchanged', () => {
    const before = takeSnapshot(
      reportAt(lastWeek, [
        entry({ blocked: 'GRW-3', neededBy: null, committedBy: '2026-11-12' }),
        entry({ blocked: 'MOB-4' }),
      ]),
      'Q4',
      lastWeek,
    );
    const now = takeSnapshot(
      reportAt(NOW, [
        entry({ blocked: 'CHK-2' }),
        entry({ blocked: 'GRW-3', neededBy: null, committedBy: '2026-11-12' }),
        entry({ blocked: 'MOB-4', committedBy: '2026-11-30' }),
      ]),
      'Q4',
      NOW,
    );
    const diff = compareSnapshots(before, now);
    expect(keysOf(diff.newAsks)).toEqual(['CHK-2']);
    expect(keysOf(diff.newCommitments)).toEqual(['MOB-4']);
    expect(diff.brokenCommitments).toEqual([
      expect.objectContaining({
        blocker: 'PAY-1',
        blocked: 'GRW-3',
        agreement: { status: 'broken', neededBy: null, committedBy: '2026-11-12' },
      }),
    ]);
  });

  it('takes a review saved before agreements existed as one where nothing was agreed', () => {
    const now = takeSnapshot(reportAt(NOW, [entry({ blocked: 'CHK-2' })]), 'Q4', NOW);
    const old = {
      ...now,
      entries: now.entries.map(([id, blocker, blocked, risk]) => [id, blocker, blocked, risk] as const),
    };
    expect(keysOf(compareSnapshots(old, now).newAsks)).toEqual(['CHK-2']);
  });

  it('forgets what was agreed on a dependency whose blocked issue the viewer may not see', () => {
    const saved = takeSnapshot(reportAt(lastWeek, [entry({ blocked: 'CHK-2' })]), 'Q4', lastWeek);
    const visible = new Map([['id-PAY-1', 'PAY-1']]);
    const seen = snapshotAsSeenBy(saved, visible, new Set(saved.entries.map(([id]) => id)));
    expect(seen.entries.map((e) => e[4] ?? null)).toEqual([null, null, null]);
  });
});

describe('agreements on the published page', () => {
  const report = analyseDependencies({
    issues: [
      issue('PAY-1', {
        agreements: [
          entry({ blocked: 'id-CHK-2', committedBy: '2026-12-10' }),
          entry({ blocked: 'id-GRW-3', neededBy: null, declined: '<b>No</b> & sorry' }),
        ],
      }),
      issue('CHK-2'),
      issue('GRW-3'),
    ],
    links: [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'GRW-3')],
    now: NOW,
  });
  const rowOf = (page: string, key: string) =>
    page.split('<tr>').find((row) => row.includes(`<ac:parameter ac:name="key">${key}</ac:parameter>`)) ?? '';

  it.each([
    ['en-US', 'committed</ac:parameter></ac:structured-macro> needed by 2026-12-01, committed by 2026-12-10'],
    [
      'fr-FR',
      'promis</ac:parameter></ac:structured-macro> attendu pour le 2026-12-01, promis pour le 2026-12-10',
    ],
  ])('writes the agreement of a shown dependency in %s', (locale, said) => {
    const page = renderAlignmentSection(report, NOW, publishWordsFor(locale), new Set(['PAY', 'CHK', 'GRW']));
    expect(rowOf(page, 'CHK-2')).toContain(said);
  });

  it('writes a decline reason as text, never as markup', () => {
    const page = renderAlignmentSection(report, NOW, undefined, new Set(['PAY', 'CHK', 'GRW']));
    expect(rowOf(page, 'GRW-3')).toContain(
      'declined</ac:parameter></ac:structured-macro> &lt;b&gt;No&lt;/b&gt; &amp; sorry',
    );
  });

  it('writes nothing of an agreement whose project the publisher did not show', () => {
    const page = renderAlignmentSection(report, NOW, undefined, new Set(['PAY', 'CHK']));
    expect(page).not.toContain('sorry');
    expect(page).toContain('committed by 2026-12-10');
  });
});
