/**
 * Reading an analytics export as its tool wrote it: any of the encodings
 * those tools use, GA4's "#" comment lines, and several tables in one file
 * (GA4 report downloads put the chart's numbers above the table). Cells are
 * split by csv-parse; line numbers are kept for every row, so a problem can
 * point at the line an editor sees in their editor.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: CsvRow;
  rows: CsvRow[];
}

export class CsvSyntaxError extends Error {
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/**
 * The text of an export file. Matomo writes UTF-16LE with a byte order mark
 * (so Excel opens it), the others UTF-8, some with a BOM.
 */
export function decodeExport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * The tables of a CSV text: runs of rows separated by blank lines, each
 * starting with its header row. Comment lines (starting with "#") before a
 * table are GA4's report description and are skipped; a "#" inside a table
 * is data. Throws `CsvSyntaxError` with the line of a broken quote.
 */
export function readTables(text: string): CsvTable[] {
  const tables: CsvTable[] = [];
  for (const block of blocks(text.split(/\r\n|\n|\r/))) {
    let records: { record: string[]; info: { lines: number } }[];
    try {
      // One parse per table, so csv-parse sees one column count (it is much slower when counts vary).
      records = parse(block.lines.join('\n'), { info: true, relax_column_count: true, relax_quotes: false }) as unknown as typeof records;
    } catch (error) {
      if (error instanceof CsvError) {
        const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(block.lines) : (error as CsvError & { lines?: number }).lines;
        throw new CsvSyntaxError(plainCsvMessage(error), line === undefined ? undefined : block.first + line - 1);
      }
      throw error;
    }
    let previousEnd = 0;
    const rows = records.map(({ record, info }) => {
      const row: CsvRow = { line: block.first + previousEnd, cells: record.map((cell) => cell.trim()) };
      previousEnd = info.lines;
      return row;
    });
    const [header, ...rest] = rows.filter((row) => row.cells.some((cell) => cell !== ''));
    if (header) tables.push({ header, rows: rest });
  }
  return tables;
}

/**
 * Runs of lines between blank lines (outside quotes), without the comment
 * lines ("#") at the start of a file or after a blank line.
 */
function blocks(lines: readonly string[]): { first: number; lines: string[] }[] {
  const found: { first: number; lines: string[] }[] = [];
  let current: { first: number; lines: string[] } | undefined;
  let inQuotes = false;
  lines.forEach((line, index) => {
    if (!inQuotes && (line.trim() === '' || (!current && line.startsWith('#')))) {
      current = undefined;
      return;
    }
    if (!current) found.push((current = { first: index + 1, lines: [] }));
    current.lines.push(line);
    for (let at = line.indexOf('"'); at !== -1; at = line.indexOf('"', at + 1)) inQuotes = !inQuotes;
  });
  return found;
}

/** The line where the quote that is never closed opens (csv-parse reports where the file ends). */
function openQuoteLine(lines: readonly string[]): number | undefined {
  let open: number | undefined;
  lines.forEach((line, index) => {
    for (const char of line) if (char === '"') open = open === undefined ? index + 1 : undefined;
  });
  return open;
}

function plainCsvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quote (") that is never closed; every quoted cell needs a closing quote';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'has text right after a closing quote; a quoted cell ends with a quote followed by a comma or the end of the line';
    default:
      return `is not a readable CSV file (${error.message.split(':')[0]})`;
  }
}
