import { SheetError } from '../parsers/table.js';

/**
 * The sheet's columns. Exact headers are samples' own field names in snake_case; aliases include
 * every column of the 16-column template of the system this replaces (domain.md §5.5). Aliases
 * match whole headers after normalising (the old substring match took `project_id` for a name).
 */
export const COLUMNS = [
  { key: 'name', header: 'name', aliases: ['sample_name', 'sample', 'sample_id'], required: true, hint: 'sample name, unique in the submission' },
  { key: 'sampleType', header: 'sample_type', aliases: ['type'], required: true, hint: 'DNA, RNA, PROTEIN or OTHER' },
  { key: 'materialType', header: 'material_type', aliases: ['material'], required: false, hint: 'HMW_GDNA, TOTAL_RNA, ...' },
  { key: 'organism', header: 'organism', aliases: ['species'], required: false, hint: 'e.g. Homo sapiens' },
  { key: 'buffer', header: 'buffer', aliases: ['sample_buffer', 'solution'], required: false, hint: 'e.g. TE, water' },
  { key: 'qubitConcentration', header: 'qubit_concentration', aliases: ['concentration', 'conc', 'qubit'], required: false, hint: 'ng/µL (fluorometric)' },
  { key: 'nanodropConcentration', header: 'nanodrop_concentration', aliases: ['nanodrop'], required: false, hint: 'ng/µL (spectrophotometric)' },
  { key: 'volume', header: 'volume', aliases: ['vol', 'volume_ul'], required: false, hint: 'µL' },
  { key: 'totalAmount', header: 'total_amount', aliases: ['total', 'total_amount_ng'], required: false, hint: 'ng; checked against concentration × volume' },
  { key: 'a260280', header: 'a260_280', aliases: ['260_280', 'a260_a280'], required: false, hint: 'purity ratio' },
  { key: 'a260230', header: 'a260_230', aliases: ['260_230', 'a260_a230'], required: false, hint: 'purity ratio' },
  { key: 'fragmentSize', header: 'fragment_size', aliases: ['fragment_size_bp'], required: false, hint: 'bp' },
  { key: 'flowCellType', header: 'flow_cell_type', aliases: ['flow_cell'], required: false, hint: 'legacy: R10.4.1, MinION, ...' },
  { key: 'flowCellDevice', header: 'flow_cell_device', aliases: ['device'], required: false, hint: 'MINION, PROMETHION, GRIDION, FLONGLE' },
  { key: 'poreChemistry', header: 'pore_chemistry', aliases: ['chemistry'], required: false, hint: 'R9_4_1, R10_4_1, R10_5_1, OTHER' },
  { key: 'flowCellCount', header: 'flow_cell_count', aliases: [], required: false, hint: '1-10' },
  { key: 'priority', header: 'priority', aliases: [], required: false, hint: 'LOW, NORMAL, HIGH, URGENT' },
  { key: 'billingAccount', header: 'billing_account', aliases: ['chart_field', 'billing_account_code'], required: false, hint: "a billing account code of the submission's lab" },
  { key: 'assigneeId', header: 'assignee_id', aliases: ['assigned_to', 'assignee'], required: false, hint: 'staff only: a staff user id' },
  { key: 'libraryPrepBy', header: 'library_prep_by', aliases: [], required: false, hint: 'kept in the notes' },
  { key: 'isControl', header: 'is_control', aliases: ['control'], required: false, hint: 'yes / no' },
  { key: 'notes', header: 'notes', aliases: ['comments', 'comment'], required: false, hint: 'free text' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Legacy template columns that are recognised but not imported: the submitter is the signed-in user, lab and project are the submission's. */
const NOT_IMPORTED = ['project_id', 'submitter_name', 'submitter_email', 'lab_name'];

/** `Sample Name`, `sample-name`, `SAMPLE_NAME` and `sampleName` all become `sample_name`. */
export function normalizeHeader(header: string): string {
  return header.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const BY_NAME = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [name, c.key] as const)));

export interface HeaderMap {
  /** Column index → field key, for the recognised columns. */
  fields: Map<number, ColumnKey>;
  /** Field key → the sheet's own header for it (problems name the column as the user wrote it). */
  headers: Map<string, string>;
  /** Unknown columns and legacy columns not imported, as written. */
  ignored: string[];
}

/** Maps header cells to fields; a missing required column or a field given twice fails the whole sheet. */
export function mapHeader(header: string[]): HeaderMap {
  const fields = new Map<number, ColumnKey>();
  const headers = new Map<string, string>();
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((cell, index) => {
    const normal = normalizeHeader(cell);
    const key = BY_NAME.get(normal);
    if (!key) return void (cell.trim() && ignored.push(NOT_IMPORTED.includes(normal) ? `${cell.trim()} (not imported)` : cell.trim()));
    if (headers.has(key)) problems.push(`columns "${headers.get(key)}" and "${cell.trim()}" both give ${key}`);
    headers.set(key, cell.trim());
    fields.set(index, key);
  });
  const missing = COLUMNS.filter((c) => c.required && !headers.has(c.key)).map((c) => c.header);
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length) throw new SheetError(`header row: ${problems.join('; ')}`);
  return { fields, headers, ignored };
}
