import type { ColumnKey } from './columns.js';
import { SAMPLE_ENUMS, type EnumField } from './sample-enums.js';

/** A sample as samples' `SampleInput` takes it, read from one sheet row. */
export type SampleDraft = Record<string, string | number | boolean | null> & { name: string; sampleType: string; externalKey: string };

export interface DraftProblem {
  field: string;
  message: string;
}

/** Cells of one row keyed by field. */
export type RowCells = Partial<Record<ColumnKey, string>>;

export interface DraftContext {
  /** Billing account code (upper case) → id, for the submission's lab. */
  accounts: Map<string, string>;
  /** Delimiter of the CSV: with `;` a decimal comma is the norm (12,5). */
  delimiter: string;
  externalKey: string;
}

export interface Draft {
  draft: SampleDraft;
  problems: DraftProblem[];
  /** Fields sent with a stand-in value (a missing sample type) whose problems from samples mean nothing. */
  placeholders: string[];
}

const NUMBER = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?)\s*(?:[a-zµμ/%]+)?$/i;
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);
/** Old flow-cell column values: some name the device, some the pore chemistry. */
const LEGACY_FLOW_CELL: Record<string, ['flowCellDevice' | 'poreChemistry', string]> = {
  R9_4_1: ['poreChemistry', 'R9_4_1'], R10_4_1: ['poreChemistry', 'R10_4_1'], R10_5_1: ['poreChemistry', 'R10_5_1'],
  MINION: ['flowCellDevice', 'MINION'], PROMETHION: ['flowCellDevice', 'PROMETHION'], GRIDION: ['flowCellDevice', 'GRIDION'],
  FLONGLE: ['flowCellDevice', 'FLONGLE'], OTHER: ['poreChemistry', 'OTHER'],
};
const enumKey = (value: string) => value.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');

/**
 * Turns a row's cells into a sample draft: numbers with units, enums in any case, the legacy
 * flow-cell column, billing codes to ids. Only what cannot be sent is reported here; every rule
 * about the values is samples' own (validateSampleDrafts).
 */
export function toDraft(cells: RowCells, ctx: DraftContext): Draft {
  const problems: DraftProblem[] = [];
  const placeholders: string[] = [];
  const draft: SampleDraft = { name: cells.name?.trim() ?? '', sampleType: 'OTHER', externalKey: ctx.externalKey };
  const text = (key: ColumnKey) => cells[key]?.trim() || null;
  const number = (key: ColumnKey, integer = false): number | null => {
    const raw = text(key);
    if (raw === null) return null;
    const normal = ctx.delimiter === ';' || /^-?\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/,/g, '');
    const match = NUMBER.exec(normal);
    if (!match) return void problems.push({ field: key, message: `"${raw}" is not a number` }), null;
    const value = Number(match[1]);
    if (integer && !Number.isInteger(value)) return void problems.push({ field: key, message: `must be a whole number (got ${raw})` }), null;
    return value;
  };
  const oneOf = (key: ColumnKey, field: EnumField): string | null => {
    const raw = text(key);
    if (raw === null) return null;
    const value = enumKey(raw);
    if ((SAMPLE_ENUMS[field] as readonly string[]).includes(value)) return value;
    problems.push({ field, message: `"${raw}" is not one of ${SAMPLE_ENUMS[field].join(', ')}` });
    return null;
  };
  const sampleType = oneOf('sampleType', 'sampleType');
  if (sampleType) draft.sampleType = sampleType;
  else placeholders.push('sampleType');
  if (!text('sampleType')) problems.push({ field: 'sampleType', message: 'is required' });
  for (const key of ['organism', 'buffer', 'assigneeId'] as const) if (text(key)) draft[key] = text(key);
  for (const key of ['materialType', 'flowCellDevice', 'poreChemistry', 'priority'] as const) if (text(key)) draft[key] = oneOf(key, key);
  for (const key of ['qubitConcentration', 'nanodropConcentration', 'volume', 'a260280', 'a260230'] as const) draft[key] = number(key);
  draft.fragmentSize = number('fragmentSize', true);
  draft.flowCellCount = number('flowCellCount', true);
  legacyFlowCell(cells, draft, problems);
  checkTotal(number('totalAmount'), draft, problems);
  const control = text('isControl')?.toLowerCase() ?? '';
  if (YES.has(control)) draft.isControl = true;
  else if (!NO.has(control)) problems.push({ field: 'isControl', message: `"${text('isControl')}" is not yes or no` });
  const notes = [text('notes'), text('libraryPrepBy') ? `Library prep by: ${text('libraryPrepBy')}` : null].filter(Boolean).join('\n');
  if (notes) draft.notes = notes;
  const code = text('billingAccount')?.toUpperCase();
  if (code) {
    const id = ctx.accounts.get(code);
    if (id) draft.billingAccountId = id;
    else problems.push({ field: 'billingAccountId', message: `${code} is not a billing account of the submission's lab` });
  }
  for (const [key, value] of Object.entries(draft)) if (value === null) delete draft[key];
  return { draft, problems, placeholders };
}

function legacyFlowCell(cells: RowCells, draft: SampleDraft, problems: DraftProblem[]): void {
  const raw = cells.flowCellType?.trim();
  if (!raw) return;
  const mapped = LEGACY_FLOW_CELL[enumKey(raw)];
  if (!mapped) return void problems.push({ field: 'flowCellType', message: `"${raw}" is not a flow cell (${Object.keys(LEGACY_FLOW_CELL).join(', ')})` });
  draft[mapped[0]] ??= mapped[1];
}

/** The sheet's own total must agree with what samples derives from it (concentration × volume). */
function checkTotal(total: number | null, draft: SampleDraft, problems: DraftProblem[]): void {
  const concentration = (draft.qubitConcentration ?? draft.nanodropConcentration ?? null) as number | null;
  const volume = (draft.volume ?? null) as number | null;
  if (total === null || concentration === null || volume === null) return;
  const derived = Math.round(concentration * volume * 1000) / 1000;
  if (Math.abs(derived - total) > Math.max(0.001, derived * 0.005)) {
    problems.push({ field: 'totalAmount', message: `${total} ng does not match concentration × volume = ${derived} ng` });
  }
}
