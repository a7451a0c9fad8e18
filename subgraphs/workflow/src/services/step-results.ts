import { z } from 'zod';
import { ValidationError, type FieldProblem } from '@app/common';
import { QcOutcomes, type StepName } from '../entities/enums.js';

/** Dates arrive as Date (DateTime scalar) or ISO text (stored JSON); both are kept as ISO text. */
const isoDate = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) { ctx.addIssue({ code: 'custom', message: 'is not a date-time' }); return z.NEVER; }
  return d.toISOString();
});
const positive = (max: number) => z.number().positive('must be greater than 0').max(max, `must be at most ${max}`);
const between = (min: number, max: number) => z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const outcome = z.enum(QcOutcomes);

/** ONT kit codes; dorado/MinKNOW write `SQK-NBD114-24`, products `SQK-NBD114.24`: normalised to the dot form. */
const kitCode = z.string().trim().toUpperCase().transform((s) => s.replace(/-(\d{2,3})(?=(-XL)?$)/, '.$1'))
  .pipe(z.string().regex(/^[A-Z]{3}-[A-Z0-9]+(\.\d{2,3})?(-XL)?$/, 'must be an ONT kit code such as SQK-LSK114 or SQK-NBD114.96'));
/** dorado model names: {analyte}_{pore}_{motor}_{speed}bps_{tier}@v{version} (RNA004 models have no pore/motor part). */
const basecallModel = z.string().trim().regex(
  /^(dna|rna\d{3})_(r\d+(\.\d+)*_e\d+(\.\d+)*_)?\d+bps_(fast|hac|sup)@v\d+(\.\d+){0,2}$/,
  'must be a dorado model name such as dna_r10.4.1_e8.2_400bps_sup@v5.0.0',
);

const sampleQc = z.object({
  qubitNgPerUl: positive(100_000).nullish(),
  nanodropNgPerUl: positive(100_000).nullish(),
  volumeUl: positive(10_000),
  a260280: between(0, 5).nullish(),
  a260230: between(0, 5).nullish(),
  fragmentSizeBp: z.number().int().positive().max(10_000_000).nullish(),
  outcome: outcome.nullish(),
});
const libraryPrep = z.object({
  kitCode,
  kitLot: text(50).nullish(),
  barcodeKit: kitCode.nullish(),
  barcode: z.string().trim().regex(/^[A-Za-z0-9_-]{1,30}$/, 'must be a barcode name such as barcode01 or NB01').nullish(),
  inputNg: positive(1_000_000),
  meanFragmentLengthBp: z.number().int().positive('must be greater than 0').max(10_000_000),
});
const libraryQc = z.object({
  concentrationNgPerUl: positive(100_000),
  meanSizeBp: z.number().int().positive().max(10_000_000).nullish(),
  fmolLoaded: positive(100_000),
  outcome: outcome.nullish(),
});
const sequencingSetup = z.object({
  device: z.enum(['MINION', 'MINION_MK1C', 'MINION_MK1D', 'GRIDION', 'PROMETHION', 'P2_SOLO', 'P2_INTEGRATED']),
  position: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, 'must be a device position such as X3 or 1A'),
  flowCellId: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{5,12}$/, 'must be a flow cell id such as FAW12345'),
  flowCellProductCode: z.string().trim().toUpperCase().regex(/^FLO-[A-Z0-9]+$/, 'must be a flow cell product code such as FLO-MIN114'),
  poreCountAtCheck: z.number().int().min(0).max(20_000),
  /** The inventory's FlowCell picked from stock; its id, product code and pore count fill the fields above. */
  stockFlowCellId: z.string().uuid('must be the id of a flow cell in the inventory').nullish(),
});
const sequencingRun = z.object({
  runId: text(100),
  startedAt: isoDate,
  endedAt: isoDate.nullish(),
  readCount: count.nullish(),
  baseCount: count.nullish(),
  n50: z.number().int().min(0).max(100_000_000).nullish(),
  passPercent: between(0, 100).nullish(),
  meanQScore: between(0, 60).nullish(),
});
const basecalling = z.object({
  software: text(50),
  softwareVersion: text(50).nullish(),
  model: basecallModel,
  modifiedBases: z.array(z.string().regex(/^[0-9A-Za-z_]{1,30}$/, 'must be a modification such as 5mCG_5hmCG or 6mA')).max(10).nullish(),
  minQScore: between(0, 60).nullish(),
  duplex: z.boolean().nullish(),
});
const qualityAssessment = z.object({
  meanQScore: between(0, 60),
  coverage: z.number().min(0).max(1_000_000).nullish(),
  passReadsPercent: between(0, 100).nullish(),
  outcome: outcome.nullish(),
});
const deliveredFile = z.object({
  path: text(1000),
  bytes: count,
  sha256: z.string().trim().toLowerCase().regex(/^[a-f0-9]{64}$/, 'must be a SHA-256 digest (64 hex characters)'),
});
const dataDelivery = z.object({
  method: z.enum(['ITS_STORAGE', 'WEB_DOWNLOAD', 'CLOUD', 'HARD_DRIVE', 'PREARRANGED', 'OTHER']),
  location: text(1000),
  files: z.array(deliveredFile).min(1, 'must list at least one delivered file').max(10_000),
  acknowledgedBy: text(255).nullish(),
  acknowledgedAt: isoDate.nullish(),
});

const schemas = {
  SAMPLE_QC: sampleQc, LIBRARY_PREP: libraryPrep, LIBRARY_QC: libraryQc, SEQUENCING_SETUP: sequencingSetup,
  SEQUENCING_RUN: sequencingRun, BASECALLING: basecalling, QUALITY_ASSESSMENT: qualityAssessment, DATA_DELIVERY: dataDelivery,
} satisfies Record<StepName, z.ZodObject>;

/** The GraphQL input field (of StepResultsInput) and output type of each step's results. */
export const ResultKeys: Record<StepName, { input: string; typename: string }> = {
  SAMPLE_QC: { input: 'sampleQc', typename: 'SampleQcResults' },
  LIBRARY_PREP: { input: 'libraryPrep', typename: 'LibraryPrepResults' },
  LIBRARY_QC: { input: 'libraryQc', typename: 'LibraryQcResults' },
  SEQUENCING_SETUP: { input: 'sequencingSetup', typename: 'SequencingSetupResults' },
  SEQUENCING_RUN: { input: 'sequencingRun', typename: 'SequencingRunResults' },
  BASECALLING: { input: 'basecalling', typename: 'BasecallingResults' },
  QUALITY_ASSESSMENT: { input: 'qualityAssessment', typename: 'QualityAssessmentResults' },
  DATA_DELIVERY: { input: 'dataDelivery', typename: 'DataDeliveryResults' },
};

export type StoredResults = Record<string, unknown>;
export type StepResultsInput = Record<string, Record<string, unknown> | null | undefined>;

function problemsOf(error: z.ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/** Picks this step's block out of StepResultsInput, refusing blocks meant for other steps. */
export function pickStepInput(step: StepName, input: StepResultsInput): Record<string, unknown> {
  const given = Object.entries(input).filter(([, v]) => v !== null && v !== undefined);
  const key = ResultKeys[step].input;
  const wrong = given.filter(([k]) => k !== key);
  if (wrong.length) throw new ValidationError(wrong.map(([k]) => ({ field: `results.${k}`, message: `does not belong to ${step}; send results.${key}` })));
  const block = input[key];
  if (!block) throw ValidationError.field(`results.${key}`, `is required for ${step}`);
  return block;
}

/** Quantities derived from what was measured, so nobody computes them by hand. */
function derive(step: StepName, r: StoredResults): StoredResults {
  if (step === 'SAMPLE_QC') {
    const conc = (r.qubitNgPerUl ?? r.nanodropNgPerUl) as number | null | undefined;
    return { ...r, totalNg: conc != null && r.volumeUl != null ? round(conc * (r.volumeUl as number)) : null };
  }
  if (step === 'LIBRARY_PREP' && r.inputNg != null && r.meanFragmentLengthBp != null) {
    // Traction's formula (lims-landscape.md §4.5): fmol = ng × 10^6 / (mean length bp × 660).
    return { ...r, fmol: round(((r.inputNg as number) * 1e6) / ((r.meanFragmentLengthBp as number) * 660)) };
  }
  return r;
}
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Validates a partial update of a step's results and merges it over what is stored. */
export function mergePartial(step: StepName, stored: StoredResults | null, input: Record<string, unknown>): StoredResults {
  const prefix = `results.${ResultKeys[step].input}`;
  const parsed = schemas[step].partial().safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsOf(parsed.error, prefix));
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return derive(step, { ...(stored ?? {}), ...defined });
}

/** Validates the complete results a step must have to be completed. */
export function requireComplete(step: StepName, results: StoredResults): StoredResults {
  const prefix = `results.${ResultKeys[step].input}`;
  const parsed = schemas[step].safeParse(results);
  if (!parsed.success) throw new ValidationError(problemsOf(parsed.error, prefix));
  const data = parsed.data as StoredResults;
  if (step === 'SAMPLE_QC' && data.qubitNgPerUl == null && data.nanodropNgPerUl == null) {
    throw ValidationError.field(`${prefix}.qubitNgPerUl`, 'a concentration (Qubit, or Nanodrop) is required');
  }
  if (step === 'SEQUENCING_RUN' && data.endedAt && (data.endedAt as string) < (data.startedAt as string)) {
    throw ValidationError.field(`${prefix}.endedAt`, 'must not be before startedAt');
  }
  return derive(step, data);
}

/** The numbers QC thresholds are checked against, by metric name. */
export function qcMetrics(step: StepName, r: StoredResults): Record<string, number | null | undefined> {
  const n = (k: string) => r[k] as number | null | undefined;
  if (step === 'SAMPLE_QC') {
    return { concentrationNgPerUl: n('qubitNgPerUl') ?? n('nanodropNgPerUl'), volumeUl: n('volumeUl'), a260280: n('a260280'), a260230: n('a260230'), fragmentSizeBp: n('fragmentSizeBp') };
  }
  if (step === 'LIBRARY_QC') return { concentrationNgPerUl: n('concentrationNgPerUl'), fmolLoaded: n('fmolLoaded'), meanSizeBp: n('meanSizeBp') };
  if (step === 'QUALITY_ASSESSMENT') return { meanQScore: n('meanQScore'), coverage: n('coverage'), passReadsPercent: n('passReadsPercent') };
  return {};
}
