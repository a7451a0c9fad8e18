import { parse } from 'csv-parse/sync';
import { ValidationError } from '@app/common';
import { isBlank, type Table } from './table.js';

/**
 * Parses CSV with a real parser (quoted commas and newlines work). Rows are numbered as a
 * spreadsheet shows them: the header is row 1. Blank rows are skipped but keep their numbers.
 */
export function parseCsv(text: string, field: string, maxRows: number): Table {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false, to: maxRows + 2 });
  } catch (err) {
    const { lines, message } = err as { lines?: number; message: string };
    throw ValidationError.field(field, `is not valid CSV${lines ? ` (line ${lines})` : ''}: ${message.replace(/^Invalid [^:]*: /, '')}`);
  }
  const [header, ...data] = records;
  if (!header || isBlank(header)) throw ValidationError.field(field, 'has no header row');
  const rows = data.map((cells, i) => ({ rowNumber: i + 2, cells })).filter((r) => !isBlank(r.cells));
  if (rows.length === 0) throw ValidationError.field(field, 'has no data rows');
  if (rows.length > maxRows || data.length > maxRows) throw ValidationError.field(field, `has more than ${maxRows} rows`);
  return { header, rows };
}
