import type { AcceptedExtraction, AcceptedSampleRow } from '../entities/index.js';
import { SheetError, type SheetReader, type SheetRow } from './table.js';

/** Form fields of the quote that hold for every sample, and the sheet column each becomes. */
const FORM_COLUMNS: [field: string, header: string][] = [
  ['sampleType', 'material_type'], ['organism', 'organism'], ['buffer', 'buffer'], ['flowCell', 'flow_cell_device'], ['flowCellCount', 'flow_cell_count'],
];

/** Per-sample cells: [header, value of the row]. A number is given with its unit, as the quote printed it. */
const SAMPLE_COLUMNS: [header: string, cell: (s: AcceptedSampleRow) => string][] = [
  ['name', (s) => s.sampleName?.trim() || (s.sampleNumber ? `Sample ${s.sampleNumber}` : '')],
  ['volume', (s) => withUnit(s.volume, s.volumeUnit)],
  ['qubit_concentration', (s) => withUnit(s.qubitConc, s.qubitUnit)],
  ['nanodrop_concentration', (s) => withUnit(s.nanodropConc, s.nanodropUnit)],
  ['a260_280', (s) => s.a260_280 ?? ''],
  ['a260_230', (s) => s.a260_230 ?? ''],
  ['is_control', (s) => (s.isControl ? 'yes' : 'no')],
];

/** The quote form's sample-type choices that samples names differently (the rest are samples' own names). */
const QUOTE_MATERIAL: Record<string, string> = { PCR_AMPLICONS: 'AMPLICON', AMPLICONS: 'AMPLICON', POLYA_RNA: 'MRNA', POLY_A_RNA: 'MRNA' };

const withUnit = (value?: string | null, unit?: string | null) => (value?.trim() ? `${value.trim()}${unit ? ` ${unit}` : ''}` : '');

/** One form field as a cell: a list (multi-choice) is joined, anything else printed as text. */
const cellOf = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));

/** The sheet's first data row (row 1 is its header): sample `i` of the quote is row `i + FIRST_ROW`. */
const FIRST_ROW = 2;

/** The number the quote printed for the sample an intake row was made from (`readExtraction`'s rows); null when there is none. */
export const quoteSampleNumber = (accepted: AcceptedExtraction, rowNumber: number): string | null =>
  accepted.samples[rowNumber - FIRST_ROW]?.sampleNumber ?? null;

/**
 * The accepted quote as a sheet in the intake template: one row per sample of its table, the
 * quote's form fields (sample type from the form, material, organism, buffer, flow cell) repeated
 * on every row. It then goes through the very column mapping and checks a CSV does.
 */
export function readExtraction(accepted: AcceptedExtraction): SheetReader {
  if (!accepted.samples.length) throw new SheetError('has no sample rows (the accepted quote lists no samples)');
  const form = accepted.form && /^(DNA|RNA)$/i.test(accepted.form) ? accepted.form.toUpperCase() : '';
  const formCells = FORM_COLUMNS.map(([field, header]) => {
    const value = cellOf(accepted.fields[field]);
    return [header, field === 'sampleType' ? QUOTE_MATERIAL[value.toUpperCase()] ?? value : value] as const;
  }).filter(([, v]) => v);
  const header = ['sample_type', ...formCells.map(([h]) => h), ...SAMPLE_COLUMNS.map(([h]) => h)];
  const rows = accepted.samples.map((sample, i): SheetRow => ({
    rowNumber: i + FIRST_ROW,
    cells: [form, ...formCells.map(([, v]) => v), ...SAMPLE_COLUMNS.map(([, cell]) => cell(sample))],
  }));
  return { header, rows: (async function* () { yield* rows; })() };
}
