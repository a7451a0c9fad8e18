import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText, sniffDelimiter, type TextEncoding } from './decode.js';
import { MAX_CELL, MAX_COLUMNS, SheetError, type SheetReader, type SheetRow } from './table.js';

/** Longest record csv-parse buffers: a bomb (10 million commas, an unterminated quote) stops here, not at memory exhaustion. */
const MAX_RECORD_CHARS = MAX_COLUMNS * MAX_CELL;

export interface CsvSheet extends SheetReader {
  encoding: TextEncoding;
  delimiter: string;
}

/**
 * Reads CSV with csv-parse's streaming parser: any encoding a spreadsheet saves, comma, semicolon
 * or tab delimited, quoted commas and newlines. Rows come one at a time; blank rows are skipped but
 * keep their numbers.
 */
export async function readCsv(bytes: Uint8Array): Promise<CsvSheet> {
  const { text, encoding } = decodeText(bytes);
  checkLineLengths(text);
  const delimiter = sniffDelimiter(text);
  const parser = Readable.from([text]).pipe(parse({
    delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS, info: true,
  }));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await next(records);
  if (!first || first.record.every((c) => !c.trim())) throw new SheetError('is empty: it has no header row');
  const header = first.record;
  if (header.length > MAX_COLUMNS) throw new SheetError(`has ${header.length} columns; a sample sheet has at most ${MAX_COLUMNS}`);
  async function* rows(): AsyncGenerator<SheetRow> {
    let rowNumber = 1;
    for (let item = await next(records); item; item = await next(records)) {
      rowNumber++;
      if (item.record.length > MAX_COLUMNS) throw new SheetError(`row ${rowNumber} has ${item.record.length} cells; at most ${MAX_COLUMNS}`);
      yield { rowNumber, cells: item.record };
    }
  }
  return { header, rows: rows(), encoding, delimiter };
}

async function next<T>(it: AsyncIterator<T>): Promise<T | null> {
  try {
    const { value, done } = await it.next();
    return done ? null : value;
  } catch (err) {
    const { code, lines, message } = err as { code?: string; lines?: number; message: string };
    if (code === 'CSV_MAX_RECORD_SIZE') throw new SheetError(`is not a usable CSV: a record${lines ? ` near line ${lines}` : ''} exceeds ${MAX_RECORD_CHARS} characters (an unterminated quote, or far too many columns)`);
    throw new SheetError(`is not valid CSV${lines ? ` (line ${lines})` : ''}: ${message.replace(/^Invalid [^:]*: /, '')}`);
  }
}

/** Refuses any physical line longer than a record may be, before the parser builds an array of its fields. */
function checkLineLengths(text: string): void {
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_RECORD_CHARS) {
      throw new SheetError(`is not a usable CSV: line ${line} is ${stop - start} characters long, and a record may be at most ${MAX_RECORD_CHARS} characters (far too many columns, or one huge cell)`);
    }
    start = stop + 1;
  }
}
