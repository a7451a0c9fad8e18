import { ValidationError } from '@app/common';
import type { Project, Sample, Submission } from '../entities/index.js';
import type { ExportKind } from '../entities/enums.js';

export type ColumnType = 'string' | 'double' | 'integer' | 'boolean' | 'datetime';
export type Cell = string | number | boolean | Date | null;

/** One exported column: its stable name (documented in the README; never renamed) and how to read it. */
export interface Column<T = any> {
  name: string;
  type: ColumnType;
  get: (row: T) => Cell;
}

/** A relation as an entity reference (GraphQL paths) or a bare foreign key (export rows read without hydration). */
const ref = (value: unknown): string | null => (value && typeof value === 'object' ? (value as { id: string }).id : (value as string | null) ?? null);

const str = <T>(name: string, get: (r: T) => string | null | undefined): Column<T> => ({ name, type: 'string', get: (r) => get(r) ?? null });
const dbl = <T>(name: string, get: (r: T) => number | null | undefined): Column<T> => ({ name, type: 'double', get: (r) => get(r) ?? null });
const int = <T>(name: string, get: (r: T) => number | null | undefined): Column<T> => ({ name, type: 'integer', get: (r) => get(r) ?? null });
const bool = <T>(name: string, get: (r: T) => boolean): Column<T> => ({ name, type: 'boolean', get });
const date = <T>(name: string, get: (r: T) => Date | null | undefined): Column<T> => ({ name, type: 'datetime', get: (r) => get(r) ?? null });

export const SAMPLE_COLUMNS: Column<Sample>[] = [
  str('id', (s) => s.id), int('number', (s) => s.number), str('name', (s) => s.name),
  str('submission_id', (s) => ref(s.submission)), str('submission_number', (s) => s.submissionNumber), str('project_id', (s) => s.projectId),
  str('lab_id', (s) => s.labId), str('sample_type', (s) => s.sampleType), str('material_type', (s) => s.materialType),
  str('organism', (s) => s.organism), str('buffer', (s) => s.buffer),
  dbl('qubit_concentration_ng_per_ul', (s) => s.qubitConcentration), dbl('nanodrop_concentration_ng_per_ul', (s) => s.nanodropConcentration),
  dbl('volume_ul', (s) => s.volume), dbl('total_amount_ng', (s) => s.totalAmount), dbl('a260_280', (s) => s.a260280), dbl('a260_230', (s) => s.a260230),
  int('fragment_size_bp', (s) => s.fragmentSize), str('flow_cell_device', (s) => s.flowCellDevice), str('pore_chemistry', (s) => s.poreChemistry),
  int('flow_cell_count', (s) => s.flowCellCount), str('billing_account_id', (s) => ref(s.billingAccount)),
  str('priority', (s) => s.priority), str('status', (s) => s.status), str('assignee_id', (s) => s.assigneeId), bool('is_control', (s) => s.isControl),
  str('notes', (s) => s.notes), date('submitted_at', (s) => s.submittedAt), date('status_changed_at', (s) => s.statusChangedAt),
  date('completed_at', (s) => s.completedAt), date('archived_at', (s) => s.archivedAt), int('version', (s) => s.version),
  date('created_at', (s) => s.createdAt), date('updated_at', (s) => s.updatedAt),
];

export const SUBMISSION_COLUMNS: Column<Submission>[] = [
  str('id', (s) => s.id), str('number', (s) => s.number), str('project_id', (s) => ref(s.project)), str('submitter_id', (s) => s.submitterId),
  str('lab_id', (s) => s.labId), str('external_quote_id', (s) => s.externalQuoteId), str('billing_account_id', (s) => ref(s.billingAccount)),
  str('priority', (s) => s.priority), str('status', (s) => s.status), int('sample_count', (s) => s.sampleCount), int('completed_count', (s) => s.completedCount),
  str('special_instructions', (s) => s.specialInstructions), str('data_delivery_method', (s) => s.dataDeliveryPreferences?.method),
  date('submitted_at', (s) => s.submittedAt), date('received_at', (s) => s.receivedAt), date('completed_at', (s) => s.completedAt),
  date('created_at', (s) => s.createdAt), date('updated_at', (s) => s.updatedAt),
];

export const PROJECT_COLUMNS: Column<Project>[] = [
  str('id', (p) => p.id), str('name', (p) => p.name), str('description', (p) => p.description), str('owner_id', (p) => p.ownerId),
  str('lab_id', (p) => p.labId), str('status', (p) => p.status), date('created_at', (p) => p.createdAt), date('updated_at', (p) => p.updatedAt),
];

export const COLUMNS: Record<ExportKind, Column[]> = { SAMPLES: SAMPLE_COLUMNS, SUBMISSIONS: SUBMISSION_COLUMNS, PROJECTS: PROJECT_COLUMNS };

/** The columns asked for, in the order asked, or all of them; unknown names are an error naming them. */
export function selectColumns(kind: ExportKind, fields: string[] | null | undefined): Column[] {
  const all = COLUMNS[kind];
  if (!fields || fields.length === 0) return all;
  if (fields.length > all.length) throw ValidationError.field('fields', `may list at most ${all.length} columns`);
  const byName = new Map(all.map((c) => [c.name, c]));
  const unknown = fields.filter((f) => !byName.has(f));
  if (unknown.length) throw ValidationError.field('fields', `unknown column(s) ${unknown.join(', ')}; known: ${all.map((c) => c.name).join(', ')}`);
  return [...new Set(fields)].map((f) => byName.get(f)!);
}
