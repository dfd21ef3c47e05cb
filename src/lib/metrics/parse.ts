/**
 * One analytics export → normalized traffic rows, or problems that name the
 * file, the line, the column, the value and what is allowed. Pure: the text
 * comes in, nothing is read from disk.
 */
import type { Problem } from '../problems.ts';
import { closest, quote } from '../../model/words.ts';
import { CsvSyntaxError, type CsvRow, readTables } from './csv.ts';
import {
  type ExportFormat,
  type Field,
  FORMATS,
  type Tool,
  detectFormat,
  fieldOf,
  isKnownHeader,
  isPersonalHeader,
  isPlausibleDashboardDownload,
  knownHeaders,
} from './formats.ts';

/** One row of UTM-tagged traffic, the same whatever tool measured it. */
export interface TrafficRow {
  /** The export it came from, as shown in messages, and its line there. */
  file: string;
  line: number;
  tool: Tool;
  /** The day, YYYY-MM-DD, in the tool's time zone. */
  date: string;
  /** utm_source, utm_medium, utm_campaign and utm_content, lowercased; "" when not set. */
  source: string;
  medium: string;
  campaign: string;
  content: string;
  visits: number;
  /** Conversions (key events, goals); null when the export does not measure them. */
  conversions: number | null;
}

export interface ParsedExport {
  tool?: Tool;
  rows: TrafficRow[];
  problems: Problem[];
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const TOTAL_LABELS = ['grand total', 'total', 'totals'];

export function parseExport(text: string, file: string): ParsedExport {
  const problems: Problem[] = [];
  const error = (line: number | undefined, message: string) => problems.push({ severity: 'error', file, line, message });

  let tables;
  try {
    tables = readTables(text);
  } catch (caught) {
    if (!(caught instanceof CsvSyntaxError)) throw caught;
    error(caught.line, caught.message);
    return { rows: [], problems };
  }
  if (tables.length === 0) {
    problems.push({ severity: 'warning', file, message: 'is empty; export the traffic again, or delete the file' });
    return { rows: [], problems };
  }

  const first = tables[0]!.header;
  if (isPlausibleDashboardDownload(first.cells)) {
    error(first.line, `is a Plausible dashboard download (one dimension, no dates), which cannot tell campaigns, networks and advocates apart; use ${FORMATS[1]!.howTo}`);
    return { rows: [], problems };
  }
  const format = tables.map((t) => detectFormat(t.header.cells)).find(Boolean);
  if (!format) {
    error(
      first.line,
      `has the header ${quote(first.cells.join(','))}, which is not an export the hub reads; use one of: ${FORMATS.map((f) => `${f.name}: ${f.howTo}`).join('; ')} (see docs/metrics.md)`,
    );
    return { rows: [], problems };
  }

  const rows: TrafficRow[] = [];
  let traffic = 0;
  for (const table of tables) {
    const fields = table.header.cells.map((cell) => fieldOf(format, cell));
    // A table without any campaign column is chart data (GA4 puts the graph's numbers above the table).
    if (!fields.some((f) => f === 'source' || f === 'medium' || f === 'sourceMedium' || f === 'campaign' || f === 'content')) continue;
    traffic++;
    const columnProblems = checkHeader(format, table.header, fields);
    problems.push(...columnProblems.map((message) => ({ severity: 'error' as const, file, line: table.header.line, message })));
    if (columnProblems.length) continue;
    const reader = tableReader(format, table.header, fields);
    for (const row of table.rows) {
      const result = readRow(reader, row);
      if (typeof result === 'string') error(row.line, result);
      else if (result) rows.push({ file, line: row.line, tool: format.tool, ...result });
    }
  }
  if (traffic === 0) {
    error(first.line, `has no table with campaign columns; ${format.name} exports for the hub are ${format.howTo} (see docs/metrics.md)`);
  }
  return { tool: format.tool, rows, problems };
}

/** What is wrong with a header row, one message per problem. */
function checkHeader(format: ExportFormat, header: CsvRow, fields: (Field | undefined)[]): string[] {
  const messages: string[] = [];
  const seen = new Map<Field, string>();
  header.cells.forEach((cell, index) => {
    const column = `column ${index + 1} ${quote(cell)}`;
    if (cell === '') {
      messages.push(`${column.replace(' ""', '')} has no header; every column of a ${format.name} export has a name`);
      return;
    }
    if (isPersonalHeader(format, cell)) {
      messages.push(`${column} holds personal data about visitors, which must not be committed; export again with only the columns the hub reads (${format.howTo})`);
      return;
    }
    if (!isKnownHeader(format, cell)) {
      const hint = closest(cell, knownHeaders(format));
      // A misspelt required column is reported once, here, not again as missing.
      const meant = hint ? fieldOf(format, hint) : undefined;
      if (meant && !fields.includes(meant) && !seen.has(meant)) seen.set(meant, hint!);
      messages.push(
        `${column} is not a column ${format.name} writes${hint ? ` (did you mean ${quote(hint)}?)` : ''}; the hub reads ${readHeaders(format)} and ignores the other columns listed in docs/metrics.md`,
      );
      return;
    }
    const field = fields[index];
    if (!field) return;
    const earlier = seen.get(field);
    if (earlier !== undefined) messages.push(`${column} says the same as ${quote(earlier)}; keep one of them`);
    else seen.set(field, cell);
  });
  for (const field of format.required) {
    const standIn = (field === 'source' || field === 'medium') && seen.has('sourceMedium');
    if (!seen.has(field) && !standIn) {
      messages.push(`has no ${quote(format.columns[field]![0]!)} column; a ${format.name} export for the hub is ${format.howTo}`);
    }
  }
  return messages;
}

function readHeaders(format: ExportFormat): string {
  return (Object.keys(format.columns) as Field[]).map((field) => quote(format.columns[field]![0]!)).join(', ');
}

type RowValues = Omit<TrafficRow, 'file' | 'line' | 'tool'>;

/** How to read the rows of one table: the column of each field, and the days already parsed. */
interface TableReader {
  format: ExportFormat;
  header: CsvRow;
  column: Partial<Record<Field, number>>;
  /** Non-count columns, where GA4 writes "Grand total". */
  labels: number[];
  days: Map<string, string | undefined>;
}

function tableReader(format: ExportFormat, header: CsvRow, fields: (Field | undefined)[]): TableReader {
  const column: Partial<Record<Field, number>> = {};
  fields.forEach((field, index) => {
    if (field && column[field] === undefined) column[field] = index;
  });
  const labels = fields.flatMap((field, index) => (field === 'visits' || field === 'conversions' ? [] : [index]));
  return { format, header, column, labels, days: new Map() };
}

/** A data row as values, a message saying what is wrong with it, or null for a totals row. */
function readRow(reader: TableReader, row: CsvRow): RowValues | string | null {
  const { format, header, column } = reader;
  const cells = row.cells;
  if (cells.length !== header.cells.length) {
    return `has ${cells.length} cell${cells.length === 1 ? '' : 's'}, but the header on line ${header.line} has ${header.cells.length}; each row needs one cell per column`;
  }
  // GA4 adds a row of totals, labelled and without a date; it is not traffic of its own.
  if (format.tool === 'ga4' && cells[column.date!] === '' && reader.labels.some((i) => TOTAL_LABELS.includes(cells[i]!.toLowerCase()))) return null;

  const name = (index: number) => `column ${index + 1} ${quote(header.cells[index]!)}`;
  const clean = (value: string) => {
    const lower = value.toLowerCase();
    return format.notSet.includes(lower) ? '' : lower;
  };
  const text = (field: Field) => (column[field] === undefined ? '' : clean(cells[column[field]!]!));

  const dateAt = column.date!;
  const dateValue = cells[dateAt]!;
  let date = reader.days.get(dateValue);
  if (date === undefined && !reader.days.has(dateValue)) reader.days.set(dateValue, (date = format.date(dateValue)));
  if (!date) return `${name(dateAt)} is ${quote(dateValue)}, which is not a date; expected a day such as ${format.dateExample}`;

  let source = text('source');
  let medium = text('medium');
  if (column.sourceMedium !== undefined && column.source === undefined && column.medium === undefined) {
    const [s = '', m = ''] = cells[column.sourceMedium]!.split(' / ');
    source = clean(s);
    medium = clean(m);
  }

  let visits = 1;
  if (column.visits !== undefined) {
    const value = cells[column.visits]!;
    if (!WHOLE.test(value)) return numberMessage(name(column.visits), value, 'a whole number of visits such as 12');
    visits = Number(value);
  } else if (!format.rowIsOneVisit) {
    return 'has no visits column';
  }

  let conversions: number | null = null;
  if (column.conversions !== undefined) {
    const cell = cells[column.conversions]!;
    // Matomo leaves the cell empty for a visit without a goal.
    const value = cell === '' && format.tool === 'matomo' ? '0' : cell;
    if (!DECIMAL.test(value))
      return numberMessage(name(column.conversions), cell, 'a number of conversions such as 3 (or 2.5, when the tool shares one conversion between sources)');
    conversions = Number(value);
  }

  return { date, source, medium, campaign: text('campaign'), content: text('content'), visits, conversions };
}

function numberMessage(column: string, value: string, expected: string): string {
  const hint = /^\d{1,3}(?:[,.\u00a0 ]\d{3})+$/.test(value) ? ' without thousands separators' : value.startsWith('-') ? ' (counts are never negative)' : '';
  return `${column} is ${value === '' ? 'empty' : quote(value)}, which is not a count; expected ${expected}${hint}`;
}
