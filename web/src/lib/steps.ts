// The 8 workflow steps in lab order, and the results each one needs to be completed.

export const STEPS = [
  'SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY',
] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepName, string> = {
  SAMPLE_QC: 'Sample QC',
  LIBRARY_PREP: 'Library prep',
  LIBRARY_QC: 'Library QC',
  SEQUENCING_SETUP: 'Sequencing setup',
  SEQUENCING_RUN: 'Sequencing run',
  BASECALLING: 'Basecalling',
  QUALITY_ASSESSMENT: 'Quality assessment',
  DATA_DELIVERY: 'Data delivery',
};

export const QC_STEPS: ReadonlySet<StepName> = new Set(['SAMPLE_QC', 'LIBRARY_QC', 'QUALITY_ASSESSMENT']);

export function isStepName(value: unknown): value is StepName {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

export type FieldKind = 'number' | 'integer' | 'text' | 'datetime' | 'select' | 'files' | 'list';

export interface ResultField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  hint?: string;
}

/** The StepResultsInput key of each step, and the fields its form offers (mirrors the workflow subgraph's rules). */
export const RESULT_FORMS: Record<StepName, { key: string; fields: ResultField[] }> = {
  SAMPLE_QC: { key: 'sampleQc', fields: [
    { name: 'qubitNgPerUl', label: 'Qubit (ng/µl)', kind: 'number', hint: 'Qubit or Nanodrop is required' },
    { name: 'nanodropNgPerUl', label: 'Nanodrop (ng/µl)', kind: 'number' },
    { name: 'volumeUl', label: 'Volume (µl)', kind: 'number', required: true },
    { name: 'a260280', label: 'A260/280', kind: 'number' },
    { name: 'a260230', label: 'A260/230', kind: 'number' },
    { name: 'fragmentSizeBp', label: 'Fragment size (bp)', kind: 'integer' },
    { name: 'outcome', label: 'Outcome', kind: 'select', options: ['PASS', 'FAIL'] },
  ] },
  LIBRARY_PREP: { key: 'libraryPrep', fields: [
    { name: 'kitCode', label: 'Kit code', kind: 'text', required: true, hint: 'e.g. SQK-LSK114' },
    { name: 'kitLot', label: 'Kit lot', kind: 'text' },
    { name: 'barcodeKit', label: 'Barcode kit', kind: 'text' },
    { name: 'barcode', label: 'Barcode', kind: 'text' },
    { name: 'inputNg', label: 'Input (ng)', kind: 'number', required: true },
    { name: 'meanFragmentLengthBp', label: 'Mean fragment length (bp)', kind: 'integer', required: true },
  ] },
  LIBRARY_QC: { key: 'libraryQc', fields: [
    { name: 'concentrationNgPerUl', label: 'Concentration (ng/µl)', kind: 'number', required: true },
    { name: 'meanSizeBp', label: 'Mean size (bp)', kind: 'integer' },
    { name: 'fmolLoaded', label: 'Loaded (fmol)', kind: 'number', required: true },
    { name: 'outcome', label: 'Outcome', kind: 'select', options: ['PASS', 'FAIL'] },
  ] },
  SEQUENCING_SETUP: { key: 'sequencingSetup', fields: [
    { name: 'device', label: 'Device', kind: 'select', required: true, options: ['MINION', 'MINION_MK1C', 'MINION_MK1D', 'GRIDION', 'PROMETHION', 'P2_SOLO', 'P2_INTEGRATED'] },
    { name: 'position', label: 'Position', kind: 'text', required: true, hint: 'e.g. X3' },
    { name: 'flowCellId', label: 'Flow cell id', kind: 'text', required: true, hint: 'e.g. FAW12345' },
    { name: 'flowCellProductCode', label: 'Flow cell product', kind: 'text', required: true, hint: 'e.g. FLO-MIN114' },
    { name: 'poreCountAtCheck', label: 'Pores at check', kind: 'integer', required: true },
  ] },
  SEQUENCING_RUN: { key: 'sequencingRun', fields: [
    { name: 'runId', label: 'Run id', kind: 'text', required: true },
    { name: 'startedAt', label: 'Started at', kind: 'datetime', required: true },
    { name: 'endedAt', label: 'Ended at', kind: 'datetime' },
    { name: 'readCount', label: 'Reads', kind: 'integer' },
    { name: 'baseCount', label: 'Bases', kind: 'integer' },
    { name: 'n50', label: 'N50', kind: 'integer' },
    { name: 'passPercent', label: 'Pass %', kind: 'number' },
    { name: 'meanQScore', label: 'Mean Q', kind: 'number' },
  ] },
  BASECALLING: { key: 'basecalling', fields: [
    { name: 'software', label: 'Software', kind: 'text', required: true, hint: 'e.g. dorado' },
    { name: 'softwareVersion', label: 'Version', kind: 'text' },
    { name: 'model', label: 'Model', kind: 'text', required: true, hint: 'e.g. dna_r10.4.1_e8.2_400bps_sup@v5.0.0' },
    { name: 'modifiedBases', label: 'Modified bases', kind: 'list', hint: 'comma separated' },
    { name: 'minQScore', label: 'Min Q', kind: 'number' },
  ] },
  QUALITY_ASSESSMENT: { key: 'qualityAssessment', fields: [
    { name: 'meanQScore', label: 'Mean Q', kind: 'number', required: true },
    { name: 'coverage', label: 'Coverage (×)', kind: 'number' },
    { name: 'passReadsPercent', label: 'Pass reads %', kind: 'number' },
    { name: 'outcome', label: 'Outcome', kind: 'select', options: ['PASS', 'FAIL'] },
  ] },
  DATA_DELIVERY: { key: 'dataDelivery', fields: [
    { name: 'method', label: 'Method', kind: 'select', required: true, options: ['ITS_STORAGE', 'WEB_DOWNLOAD', 'CLOUD', 'HARD_DRIVE', 'PREARRANGED', 'OTHER'] },
    { name: 'location', label: 'Location', kind: 'text', required: true },
    { name: 'files', label: 'Delivered files', kind: 'files', required: true, hint: 'one per line: path bytes sha256' },
  ] },
};

export interface FormProblem { field: string; message: string }

/** Turns the text a person typed into the step's results block; problems name the field like the server does. */
export function buildResults(step: StepName, values: Record<string, string>): { results?: Record<string, Record<string, unknown>>; problems: FormProblem[] } {
  const { key, fields } = RESULT_FORMS[step];
  const block: Record<string, unknown> = {};
  const problems: FormProblem[] = [];
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) {
      if (field.required) problems.push({ field: field.name, message: 'is required' });
      continue;
    }
    const parsed = parseField(field, raw);
    if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed) problems.push({ field: field.name, message: String(parsed.problem) });
    else block[field.name] = parsed;
  }
  return problems.length ? { problems } : { results: { [key]: block }, problems };
}

function parseField(field: ResultField, raw: string): unknown {
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(raw);
      if (!Number.isFinite(n)) return { problem: 'must be a number' };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { problem: 'must be a whole number' };
      return n;
    }
    case 'datetime': {
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? { problem: 'is not a date and time' } : d.toISOString();
    }
    case 'list':
      return raw.split(',').map((s) => s.trim()).filter(Boolean);
    case 'files':
      return parseDeliveredFiles(raw);
    default:
      return raw;
  }
}

/** "path bytes sha256" per line. */
export function parseDeliveredFiles(raw: string): { path: string; bytes: number; sha256: string }[] | { problem: string } {
  const files = [];
  for (const [i, line] of raw.split('\n').map((l) => l.trim()).filter(Boolean).entries()) {
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !Number.isFinite(Number(parts[1]))) return { problem: `line ${i + 1} must be: path bytes sha256` };
    files.push({ path: parts[0]!, bytes: Number(parts[1]), sha256: parts[2]! });
  }
  return files;
}
