import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import { MAX_COLUMNS, SheetError, type SheetReader, type SheetRow } from './table.js';

/** XLSX files are zip archives. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Excel's last row: a row number beyond it (or not after the one before) comes from a damaged or forged file. */
const MAX_ROW = 1_048_576;

/** A cell as its text, refusing formulas (their cached result could be anything at commit time). */
function cellText(cell: ExcelJS.CellValue, at: () => string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') {
    if ('formula' in cell || 'sharedFormula' in cell) throw new SheetError(`${at()}: the cell holds a formula; formulas are not accepted, paste values only`);
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    if ('richText' in cell) return cell.richText.map((r) => r.text).join('');
    if ('text' in cell) return String(cell.text);
    if ('error' in cell) return '';
  }
  return String(cell);
}

/**
 * Reads the first worksheet with exceljs's streaming reader, one row at a time: memory stays flat
 * however many rows the workbook has.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetReader> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new SheetError('is not a readable XLSX workbook');
  const Excel = await excel();
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit',
  });
  const iterator = (async function* () {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) yield row;
        return;
      }
    } catch (err) {
      if (err instanceof SheetError) throw err;
      throw new SheetError('is not a readable XLSX workbook');
    }
  })();
  const toCells = (row: ExcelJS.Row): string[] => {
    const values = (row.values as ExcelJS.CellValue[]) ?? [];
    if (values.length - 1 > MAX_COLUMNS) throw new SheetError(`row ${row.number} has ${values.length - 1} cells; at most ${MAX_COLUMNS}`);
    return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1], () => `row ${row.number}, column ${i + 1}`));
  };
  const first = await iterator.next();
  if (first.done || first.value.number !== 1) throw new SheetError(first.done ? 'has no worksheet with rows' : 'has no header in row 1');
  const header = toCells(first.value);
  async function* rows(): AsyncGenerator<SheetRow> {
    let last = 1;
    for await (const row of iterator) {
      if (!Number.isInteger(row.number) || row.number <= last || row.number > MAX_ROW) {
        throw new SheetError(`is damaged: row ${row.number} follows row ${last} (rows must be numbered upwards, up to ${MAX_ROW})`);
      }
      last = row.number;
      yield { rowNumber: row.number, cells: toCells(row) };
    }
  }
  return { header, rows: rows() };
}
