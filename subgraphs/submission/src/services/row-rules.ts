import type { RowProblem } from '../entities/intake-row.entity.js';
import type { ColumnKey } from './columns.js';

/**
 * The field rules of domain.md §3.8 for one sheet row. Fixed from the old rules: names may hold
 * digits and non-ASCII letters, and numbers accept a trailing unit ("12.5 ng/µL").
 */
export interface RowRules {
  chartField: RegExp;
}

export const SAMPLE_TYPES: Record<string, string> = { dna: 'DNA', rna: 'RNA', protein: 'PROTEIN', other: 'OTHER' };
export const PRIORITIES: Record<string, string> = { low: 'LOW', normal: 'NORMAL', high: 'HIGH', urgent: 'URGENT' };
export const FLOW_CELLS = ['R9.4.1', 'R10.4.1', 'R10.5.1', 'MinION', 'PromethION', 'GridION', 'Flongle', 'Other'];

const SAMPLE_NAME = /^[A-Za-z0-9 ._-]+$/;
const PERSON_NAME = /^[\p{L}\p{M}\p{N} .'-]+$/u;
const LAB_NAME = /^[\p{L}\p{M}\p{N} ._,'()-]+$/u;
const PROJECT_ID = /^[A-Za-z0-9 ._-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^(-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+))\s*[A-Za-zµμ/]*$/;

type Cells = Partial<Record<ColumnKey, string>>;

class RowCheck {
  readonly errors: RowProblem[] = [];
  readonly parsed: Record<string, unknown> = {};
  constructor(private readonly cells: Cells) {}

  private problem(field: ColumnKey, message: string): void {
    this.errors.push({ field, message });
  }
  text(field: ColumnKey, { required = false, max = 255, pattern, hint }: { required?: boolean; max?: number; pattern?: RegExp; hint?: string } = {}): string | null {
    const value = this.cells[field]?.trim() ?? '';
    if (!value) return required ? (this.problem(field, 'is required'), null) : null;
    if (value.length > max) this.problem(field, `must be at most ${max} characters`);
    else if (pattern && !pattern.test(value)) this.problem(field, hint ?? 'has characters that are not allowed');
    else this.parsed[field] = value;
    return value;
  }
  number(field: ColumnKey, min: number, max: number, unit: string): number | null {
    const value = this.cells[field]?.trim() ?? '';
    if (!value) return null;
    const match = NUMBER.exec(value.replace(/,/g, ''));
    const n = match ? Number(match[1]) : Number.NaN;
    if (!Number.isFinite(n)) return this.problem(field, `must be a number (${unit})`), null;
    if (n < min || n > max) return this.problem(field, `must be between ${min} and ${max} ${unit}`), null;
    this.parsed[field] = n;
    return n;
  }
  choice(field: ColumnKey, options: Record<string, string>, fallback?: string): void {
    const value = this.cells[field]?.trim() ?? '';
    if (!value) return void (fallback && (this.parsed[field] = fallback));
    const chosen = options[value.toLowerCase()];
    if (chosen) this.parsed[field] = chosen;
    else this.problem(field, `must be one of ${Object.keys(options).join(', ')}`);
  }
}

/** Checks one row; `parsed` holds only the values that passed. */
export function checkRow(cells: Cells, rules: RowRules): { parsed: Record<string, unknown>; errors: RowProblem[] } {
  const row = new RowCheck(cells);
  row.text('sampleName', { required: true, pattern: SAMPLE_NAME, hint: 'may only hold letters, digits, spaces, ".", "_" and "-"' });
  row.text('projectId', { max: 100, pattern: PROJECT_ID });
  row.text('submitterName', { required: true, pattern: PERSON_NAME });
  row.text('submitterEmail', { required: true, pattern: EMAIL, hint: 'must be an e-mail address' });
  row.text('labName', { pattern: LAB_NAME });
  row.choice('sampleType', SAMPLE_TYPES);
  if (!cells.sampleType?.trim()) row.errors.push({ field: 'sampleType', message: 'is required' });
  row.text('sampleBuffer', { max: 100 });
  const concentration = row.number('concentration', 0.001, 10_000, 'ng/µL');
  const volume = row.number('volume', 0.1, 1_000, 'µL');
  const total = row.number('totalAmount', 0.001, 100_000, 'ng');
  if (concentration !== null && volume !== null && total !== null && Math.abs(concentration * volume - total) > 0.001) {
    row.errors.push({ field: 'totalAmount', message: `must equal concentration × volume (${+(concentration * volume).toFixed(3)} ng)` });
  }
  const flowCell = cells.flowCellType?.trim();
  if (flowCell) {
    const known = FLOW_CELLS.find((f) => f.toLowerCase() === flowCell.toLowerCase());
    if (known) row.parsed.flowCellType = known;
    else row.errors.push({ field: 'flowCellType', message: `must be one of ${FLOW_CELLS.join(', ')}` });
  }
  const count = row.number('flowCellCount', 1, 10, 'flow cells');
  if (count !== null && !Number.isInteger(count)) row.errors.push({ field: 'flowCellCount', message: 'must be a whole number' });
  if (count === null && !row.errors.some((e) => e.field === 'flowCellCount')) row.parsed.flowCellCount = 1;
  row.choice('priority', PRIORITIES, 'NORMAL');
  row.text('assignedTo', { pattern: PERSON_NAME });
  row.text('libraryPrepBy', { pattern: PERSON_NAME });
  const chart = cells.chartField?.trim().toUpperCase() ?? '';
  if (!chart) row.errors.push({ field: 'chartField', message: 'is required' });
  else if (!rules.chartField.test(chart)) row.errors.push({ field: 'chartField', message: `must match ${rules.chartField.source}` });
  else row.parsed.chartField = chart;
  row.text('organism', { max: 255 });
  return { parsed: row.parsed, errors: row.errors };
}
