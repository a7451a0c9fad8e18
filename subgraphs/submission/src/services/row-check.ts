import { createHash } from 'node:crypto';
import type { RowProblem } from '../entities/intake-row.entity.js';
import type { SamplesClient } from '../clients/samples-client.js';
import { COLUMNS, normalizeHeader, type ColumnKey } from './columns.js';
import { toDraft, type SampleDraft, type RowCells } from './drafts.js';

/** What a row is checked against: where it goes and how to read it. */
export interface CheckTarget {
  jobId: string;
  submissionId: string | null;
  projectId: string | null;
  accounts: Map<string, string>;
  delimiter: string;
}

export interface CheckedRow {
  rowNumber: number;
  raw: Record<string, string>;
  draft: SampleDraft;
  errors: RowProblem[];
  nameKey: string | null;
}

const KEY_OF = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((n) => [n, c.key] as const)));
/** Sample fields that come from another column of the sheet. */
const SOURCE_COLUMN: Record<string, ColumnKey[]> = {
  billingAccountId: ['billingAccount'], flowCellDevice: ['flowCellDevice', 'flowCellType'], poreChemistry: ['poreChemistry', 'flowCellType'], notes: ['notes', 'libraryPrepBy'],
};

/** The cells of a raw row keyed by field, and the header each field was read from. */
export function cellsOf(raw: Record<string, string>): { cells: RowCells; headers: Map<string, string> } {
  const cells: RowCells = {};
  const headers = new Map<string, string>();
  for (const [header, value] of Object.entries(raw)) {
    const key = KEY_OF.get(normalizeHeader(header));
    if (key && !headers.has(key)) { cells[key] = value; headers.set(key, header); }
  }
  return { cells, headers };
}

/** Longest name key the row table stores (characters). */
const NAME_KEY_MAX = 255;

/**
 * The key a row's name is compared by for duplicates within the sheet: the name lower-cased. A
 * cell can hold far more than a sample name may (and lower-casing can lengthen it: İ becomes i̇),
 * so a key too long to store is replaced by a digest of it; equal names still share a key.
 */
export function nameKeyOf(name: string | null | undefined): string | null {
  const key = name?.trim().toLowerCase();
  if (!key) return null;
  return [...key].length <= NAME_KEY_MAX ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export const externalKeyOf = (jobId: string, rowNumber: number) => `intake:${jobId}:${rowNumber}`;

/** The header a sample field's problem belongs to, as the user wrote it. */
export function columnOf(field: string, headers: Map<string, string>): string | null {
  for (const key of SOURCE_COLUMN[field] ?? [field]) if (headers.has(key)) return headers.get(key)!;
  return null;
}

/**
 * Checks rows in one batch: reading the cells (intake's part), then samples' own rules through
 * validateSampleDrafts. `earlierName` answers the row number an earlier row of the sheet used a
 * name at, so duplicates inside the file are named by row.
 */
export async function checkRows(
  client: SamplesClient, target: CheckTarget, rows: { rowNumber: number; raw: Record<string, string> }[], earlierName: (nameKey: string, rowNumber: number) => number | null,
): Promise<CheckedRow[]> {
  const read = rows.map(({ rowNumber, raw }) => {
    const { cells, headers } = cellsOf(raw);
    const { draft, problems, placeholders } = toDraft(cells, { accounts: target.accounts, delimiter: target.delimiter, externalKey: externalKeyOf(target.jobId, rowNumber) });
    const errors: RowProblem[] = problems.map((p) => ({ ...p, column: columnOf(p.field, headers) }));
    const nameKey = nameKeyOf(draft.name);
    const earlier = nameKey ? earlierName(nameKey, rowNumber) : null;
    if (earlier !== null) errors.push({ field: 'name', column: columnOf('name', headers), message: `"${draft.name}" repeats the name of row ${earlier}` });
    return { rowNumber, raw, draft, errors, nameKey, headers, skip: new Set([...placeholders, ...(earlier !== null ? ['name'] : [])]) };
  });
  if (read.length === 0) return [];
  const problems = await client.validateDrafts({ submissionId: target.submissionId, projectId: target.projectId }, read.map((r) => r.draft));
  for (const p of problems) {
    const row = read[p.index];
    if (!row || row.skip.has(p.field) || row.errors.some((e) => e.field === p.field)) continue;
    row.errors.push({ field: p.field, column: columnOf(p.field, row.headers), message: p.message });
  }
  return read.map(({ rowNumber, raw, draft, errors, nameKey }) => ({ rowNumber, raw, draft, errors, nameKey }));
}
