/** A sheet as text cells: the header row and the data rows with their spreadsheet row numbers. */
export interface Table {
  header: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

export const isBlank = (cells: string[]) => cells.every((c) => !c.trim());
