import { ValidationError } from '@app/common';

/**
 * The facility's CSV template columns, in template order (domain.md §5.5), with the legacy header
 * names the old importers accepted. Aliases match whole headers only: the old substring match let
 * `project_id` or `submitter_name` be taken for the sample name.
 */
export const COLUMNS = [
  { key: 'sampleName', header: 'sample_name', aliases: ['sample', 'name', 'id', 'sample_id'], required: true },
  { key: 'projectId', header: 'project_id', aliases: ['project'], required: false },
  { key: 'submitterName', header: 'submitter_name', aliases: ['submitter', 'contact'], required: true },
  { key: 'submitterEmail', header: 'submitter_email', aliases: ['email', 'contact_email'], required: true },
  { key: 'labName', header: 'lab_name', aliases: ['lab'], required: false },
  { key: 'sampleType', header: 'sample_type', aliases: ['type'], required: true },
  { key: 'sampleBuffer', header: 'sample_buffer', aliases: ['buffer', 'solution'], required: false },
  { key: 'concentration', header: 'concentration', aliases: ['conc'], required: false },
  { key: 'volume', header: 'volume', aliases: ['vol'], required: false },
  { key: 'totalAmount', header: 'total_amount', aliases: [], required: false },
  { key: 'flowCellType', header: 'flow_cell_type', aliases: ['flow_cell'], required: false },
  { key: 'flowCellCount', header: 'flow_cell_count', aliases: [], required: false },
  { key: 'priority', header: 'priority', aliases: [], required: false },
  { key: 'assignedTo', header: 'assigned_to', aliases: [], required: false },
  { key: 'libraryPrepBy', header: 'library_prep_by', aliases: [], required: false },
  { key: 'chartField', header: 'chart_field', aliases: ['billing_account'], required: true },
  { key: 'organism', header: 'organism', aliases: ['species'], required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** `Sample Name`, `sample-name`, `sampleName` all become `sample_name`. */
export function normalizeHeader(header: string): string {
  return header.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const BY_NAME = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [name, c.key] as const)));

export interface HeaderMap {
  /** Column index → field key, for the columns that were recognised. */
  fields: Map<number, ColumnKey>;
  ignored: string[];
}

/** Maps header cells to fields; a missing required column or a field given twice fails the whole sheet. */
export function mapHeader(header: string[], field: string): HeaderMap {
  const fields = new Map<number, ColumnKey>();
  const ignored: string[] = [];
  const seen = new Map<ColumnKey, string>();
  const problems: string[] = [];
  header.forEach((cell, index) => {
    const key = BY_NAME.get(normalizeHeader(cell));
    if (!key) return void (cell.trim() && ignored.push(cell.trim()));
    if (seen.has(key)) problems.push(`columns "${seen.get(key)}" and "${cell.trim()}" both give ${key}`);
    seen.set(key, cell.trim());
    fields.set(index, key);
  });
  const missing = COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length) throw ValidationError.field(field, `header row: ${problems.join('; ')}`);
  return { fields, ignored };
}
