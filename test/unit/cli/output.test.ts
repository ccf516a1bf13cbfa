import { describe, expect, it } from 'vitest';
import {
  csvField,
  formatCsv,
  formatJson,
  formatTable,
  printReport,
  type Column,
} from '../../../src/cli/output';
import { createProgress } from '../../../src/cli/progress';

interface Finding {
  issue: string;
  rule: string;
  count: number;
  note?: string;
}
const columns: Column<Finding>[] = [
  { header: 'Issue', value: (row) => row.issue },
  { header: 'Rule', value: (row) => row.rule, maxWidth: 12 },
  { header: 'Count', value: (row) => row.count, align: 'right' },
  { header: 'Note', value: (row) => row.note },
];
const rows: Finding[] = [
  { issue: 'MOD-1', rule: 'missing-estimate', count: 3, note: 'say "hi", then\nleave' },
  { issue: 'AC-12345', rule: 'stale', count: 12 },
];

describe('table output', () => {
  it('aligns columns, right-aligns numbers, cuts long cells with an ellipsis and flattens line breaks', () => {
    expect(formatTable(rows, columns)).toBe(
      [
        'Issue     Rule          Count  Note',
        '────────  ────────────  ─────  ────────────────────',
        'MOD-1     missing-est…      3  say "hi", then leave',
        'AC-12345  stale            12',
        '',
      ].join('\n'),
    );
  });

  it('counts an accented letter as one column and an emoji as two, as a terminal shows them', () => {
    const table = formatTable(
      [{ name: 'Équipe 🚀' }, { name: 'Team' }],
      [
        { header: 'Name', value: (row: { name: string }) => row.name },
        { header: 'X', value: () => 'x' },
      ],
    );
    expect(table.split('\n')[2]).toBe('Équipe 🚀  x');
    expect(table.split('\n')[3]).toBe('Team       x');
  });

  it('shows the last column whole, however long, and underlines it no wider than other columns are cut', () => {
    // A finding's message says what is missing at its end: cutting it would hide exactly that.
    const message = 'The bug report lacks: steps to reproduce, expected result, actual result. Really.';
    const table = formatTable(
      [{ issue: 'AC-1', message }],
      [
        { header: 'Issue', value: (row: { issue: string; message: string }) => row.issue },
        { header: 'Finding', value: (row: { issue: string; message: string }) => row.message },
      ],
    );
    expect(message.length).toBeGreaterThan(60);
    expect(table.split('\n')).toEqual([
      'Issue  Finding',
      `─────  ${'─'.repeat(60)}`,
      `AC-1   ${message}`,
      '',
    ]);
  });

  it('cuts another column at 60 characters by default, and the last one only when it sets a width', () => {
    const long = 'x'.repeat(70);
    const cut = `${'x'.repeat(59)}…`;
    const row = { a: long, b: long };
    const lines = (last: Column<typeof row>) =>
      formatTable([row], [{ header: 'A', value: (r: typeof row) => r.a }, last]).split('\n');
    expect(lines({ header: 'B', value: (r) => r.b })[2]).toBe(`${cut}  ${long}`);
    expect(lines({ header: 'B', value: (r) => r.b, maxWidth: 20 })[2]).toBe(`${cut}  ${'x'.repeat(19)}…`);
  });

  it('says so when there is nothing to show', () => {
    expect(formatTable([], columns)).toBe('(nothing to show)\n');
  });
});

describe('CSV output (RFC 4180)', () => {
  it.each([
    { name: 'leaves a plain field bare', field: 'MOD-1', expected: 'MOD-1' },
    { name: 'quotes a field with a comma', field: 'a,b', expected: '"a,b"' },
    { name: 'doubles quotes inside a quoted field', field: 'say "hi"', expected: '"say ""hi"""' },
    { name: 'quotes a field with a line break', field: 'a\nb', expected: '"a\nb"' },
  ])('$name', ({ field, expected }) => {
    expect(csvField(field)).toBe(expected);
  });

  it('writes a header record and CRLF line ends, keeping long cells whole', () => {
    expect(formatCsv(rows, columns)).toBe(
      'Issue,Rule,Count,Note\r\nMOD-1,missing-estimate,3,"say ""hi"", then\nleave"\r\nAC-12345,stale,12,\r\n',
    );
  });
});

describe('JSON output', () => {
  it('prints the data whole rather than the table columns', () => {
    let printed = '';
    printReport({ stdout: { write: (text: string) => (printed += text) } }, 'json', rows, columns, {
      scanned: 2,
      findings: rows,
    });
    expect(JSON.parse(printed)).toEqual({ scanned: 2, findings: rows });
    expect(formatJson([1])).toBe('[\n  1\n]\n');
  });
});

describe('progress on stderr', () => {
  it('prints plain n/total lines when stderr is not a terminal, at most one per tenth', () => {
    let written = '';
    const progress = createProgress(
      { write: (text: string) => (written += text), isTTY: false },
      'Fetching issues',
    );
    for (let done = 0; done <= 1000; done += 25) progress.update({ done, total: 1000 });
    progress.stop();
    const lines = written.trim().split('\n');
    expect(lines[0]).toBe('Fetching issues: 0/1000');
    expect(lines.at(-1)).toBe('Fetching issues: 1000/1000');
    expect(lines).toHaveLength(11);
  });

  it('prints no "0/0" line while nothing is listed yet', () => {
    let written = '';
    const progress = createProgress({ write: (text: string) => (written += text), isTTY: false }, 'Reading');
    progress.update({ done: 0, total: 0 });
    progress.update({ done: 0, total: 400 });
    expect(written).toBe('Reading: 0/400\n');
  });

  it('draws a bar on a terminal', () => {
    let written = '';
    const terminal = {
      write: (text: string) => ((written += text), true),
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => terminal,
      removeListener: () => terminal,
    };
    const progress = createProgress(terminal, 'Fetching');
    progress.update({ done: 0, total: 200 });
    progress.update({ done: 200, total: 200 });
    progress.stop();
    expect(written).toContain('Fetching [');
    expect(written).toContain('200/200 (100%)');
  });
});
