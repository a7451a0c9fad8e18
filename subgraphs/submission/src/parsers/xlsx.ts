import ExcelJS from 'exceljs';
import { ValidationError } from '@app/common';
import { isBlank, type Table } from './table.js';

/** Reads the first worksheet of an XLSX workbook as text cells, as the sheet displays them. */
export async function parseXlsx(bytes: Buffer, field: string, maxRows: number): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw ValidationError.field(field, 'is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw ValidationError.field(field, 'has no worksheet with rows');
  if (sheet.rowCount > maxRows + 1) throw ValidationError.field(field, `has more than ${maxRows} rows`);
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => row.getCell(i + 1).text ?? '');
  const header = cellsOf(sheet.getRow(1));
  if (isBlank(header)) throw ValidationError.field(field, 'has no header row');
  const rows: Table['rows'] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1 && !isBlank(cellsOf(row))) rows.push({ rowNumber, cells: cellsOf(row) });
  });
  if (rows.length === 0) throw ValidationError.field(field, 'has no data rows');
  return { header, rows };
}
