/**
 * MinKNOW sample sheets (lims-landscape.md §4.9; dorado's SampleSheets.md): a CSV with one row per
 * barcode of a flow cell. `experiment_id`, `sample_id` and `alias` are at most 40 characters of
 * A-Z a-z 0-9 _ -; an alias must not itself be a barcode name (`barcode05`, `unclassified`), and
 * barcodes and aliases are unique within the sheet (dorado demultiplexes by them).
 */
export const MINKNOW_ID = /^[A-Za-z0-9_-]{1,40}$/;
const RESERVED_ALIAS = /^(barcode\d+|unclassified)$/i;

export const SAMPLE_SHEET_COLUMNS = ['flow_cell_id', 'kit', 'sample_id', 'experiment_id', 'barcode', 'alias'] as const;
/** A run's sheet also names the device position (MinKNOW matches a row by flow_cell_id and/or position_id). */
export const RUN_SHEET_COLUMNS = ['flow_cell_id', 'position_id', 'kit', 'sample_id', 'experiment_id', 'barcode', 'alias'] as const;
export type SampleSheetRow = Record<(typeof SAMPLE_SHEET_COLUMNS)[number], string> & { position_id?: string };

/** Why a value cannot be a MinKNOW id (experiment, sample, alias), or null when it can. */
export function minknowIdProblem(value: string): string | null {
  if (value.length < 1 || value.length > 40) return `must be 1-40 characters for MinKNOW (got ${value.length})`;
  if (!MINKNOW_ID.test(value)) return 'may contain only letters A-Z a-z, digits, _ and - (MinKNOW)';
  return null;
}

/** Why a value cannot be an alias, or null. */
export function aliasProblem(alias: string): string | null {
  return minknowIdProblem(alias) ?? (RESERVED_ALIAS.test(alias) ? 'must not be a barcode name (barcodeNN or unclassified): MinKNOW would confuse it with one' : null);
}

/** A sample name made into an alias: runs of other characters become `_`, cut to 40. */
export function aliasFromName(name: string): string {
  const safe = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return (safe || 'sample').slice(0, 40);
}

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The CSV text (RFC 4180, CRLF line ends as MinKNOW's own exports). */
export function sampleSheetCsv(rows: SampleSheetRow[], columns: readonly (keyof SampleSheetRow)[] = SAMPLE_SHEET_COLUMNS): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
