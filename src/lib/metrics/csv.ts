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
  const lines = text.split(/\r\n|\n|\r/);
  // Blank out comment lines at the start or after a blank/comment line, keeping line numbers.
  let between = true;
  const cleaned = lines.map((line) => {
    if (line.trim() === '') {
      between = true;
      return '';
    }
    if (between && line.startsWith('#')) return '';
    between = false;
    return line;
  });

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(cleaned.join('\n'), { info: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(cleaned) : (error as CsvError & { lines?: number }).lines;
      throw new CsvSyntaxError(plainCsvMessage(error), line);
    }
    throw error;
  }

  const tables: CsvTable[] = [];
  let current: CsvTable | undefined;
  let previousEnd = 0;
  for (const { record, info } of records) {
    const row: CsvRow = { line: previousEnd + 1, cells: record.map((cell) => cell.trim()) };
    previousEnd = info.lines;
    if (row.cells.every((cell) => cell === '')) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { header: row, rows: [] };
      tables.push(current);
    } else {
      current.rows.push(row);
    }
  }
  return tables;
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
