import type { CliIo } from './io';

export type OutputFormat = 'table' | 'json' | 'csv';

/** One column of a report: its heading and how to read the cell from a row. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null | undefined;
  /**
   * Longest cell in a table before it is cut with `…`: default 60, except in the last column, which runs to the
   * end of the line and is cut only when it sets one (a finding's message says what is missing at its end). CSV
   * and JSON are never cut.
   */
  readonly maxWidth?: number;
  readonly align?: 'left' | 'right';
}

const cellText = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const characters = (text: string): string[] => Array.from(graphemes.segment(text), (part) => part.segment);

// Emoji and East Asian wide characters take two terminal columns.
const WIDE =
  /\p{Extended_Pictographic}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a terminal gives the text: one per grapheme (accents included), two for emoji and wide scripts. */
const width = (text: string): number =>
  characters(text).reduce((sum, part) => sum + (WIDE.test(part) ? 2 : 1), 0);

/** Longest cell of a column that sets no `maxWidth`, but for the last. */
const DEFAULT_MAX_WIDTH = 60;

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (width(flat) <= max) return flat;
  return `${characters(flat)
    .slice(0, Math.max(0, max - 1))
    .join('')}…`;
}

/**
 * Aligned columns under a header line, cells on one line each and cut to their column's width (the last column
 * whole unless it sets `maxWidth`); an empty report says so.
 */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  if (rows.length === 0) return '(nothing to show)\n';
  const last = columns.length - 1;
  const maxWidths = columns.map(
    (column, index) => column.maxWidth ?? (index === last ? Number.POSITIVE_INFINITY : DEFAULT_MAX_WIDTH),
  );
  const cells = rows.map((row) =>
    columns.map((column, index) =>
      truncate(cellText(column.value(row)), maxWidths[index] ?? DEFAULT_MAX_WIDTH),
    ),
  );
  const widths = columns.map((column, index) =>
    Math.max(width(column.header), ...cells.map((line) => width(line[index] ?? ''))),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => {
        const pad = ' '.repeat((widths[index] ?? 0) - width(cell));
        return columns[index]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const header = render(columns.map((column) => column.header));
  // An uncut last column's underline stops at the default width: one long message should not wrap the rule.
  const rule = widths
    .map((size, index) =>
      '─'.repeat(
        maxWidths[index] === Number.POSITIVE_INFINITY
          ? Math.max(width(columns[index]?.header ?? ''), Math.min(size, DEFAULT_MAX_WIDTH))
          : size,
      ),
    )
    .join('  ');
  return [header, rule, ...cells.map(render)].join('\n') + '\n';
}

/** One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header record, CRLF line ends. */
export function formatCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const records = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => cellText(column.value(row)))),
  ];
  return records.map((record) => record.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Pretty-printed JSON of the data itself (not the table's columns), so that scripts get every field. */
export function formatJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Prints a report in the chosen format: `json` prints `data` whole (default: the rows), `table` and `csv`
 * print the columns.
 */
export function printReport<Row>(
  io: Pick<CliIo, 'stdout'>,
  format: string,
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  data: unknown = rows,
): void {
  if (format === 'json') io.stdout.write(formatJson(data));
  else if (format === 'csv') io.stdout.write(formatCsv(rows, columns));
  else io.stdout.write(formatTable(rows, columns));
}
