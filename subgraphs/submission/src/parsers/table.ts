/** A sheet read row by row: the header once, then data rows with their spreadsheet row numbers (header = row 1). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export interface SheetReader {
  header: string[];
  rows: AsyncIterable<SheetRow>;
}

/** A problem with the sheet as a whole: the job fails with it and nothing of the sheet is kept. */
export class SheetError extends Error {}

export const isBlank = (cells: string[]) => cells.every((c) => !c.trim());

/** Wider sheets are not sample sheets (and a 10-million-column line is an attack). */
export const MAX_COLUMNS = 200;
/** Longest single cell, in characters. */
export const MAX_CELL = 10_000;

/** `=cmd|' /C calc'!A0`, `=HYPERLINK(...)`, `@SUM(...)`: spreadsheet formulas are refused, never stored. */
const FORMULA = /^\s*(=|[+\-@].*[(|!])/;

/** Checks every cell of a row for size and formulas; throws a SheetError naming row and column. */
export function checkCells(header: string[], row: SheetRow): void {
  row.cells.forEach((cell, i) => {
    const column = header[i]?.trim() || `column ${i + 1}`;
    if (cell.length > MAX_CELL) throw new SheetError(`row ${row.rowNumber}, ${column}: the cell holds ${cell.length} characters; at most ${MAX_CELL}`);
    if (FORMULA.test(cell) && !/^\s*[+-]?\d/.test(cell)) {
      throw new SheetError(`row ${row.rowNumber}, ${column}: the cell holds a formula (${cell.slice(0, 20)}…); formulas are not accepted, paste values only`);
    }
  });
}
