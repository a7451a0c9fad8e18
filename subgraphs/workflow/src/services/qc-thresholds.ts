import { z } from 'zod';
import type { StepName } from '../entities/enums.js';

/** An inclusive acceptable range; either bound may be absent. */
const rangeSchema = z.object({ min: z.number().optional(), max: z.number().optional() }).strict();
export type Range = z.infer<typeof rangeSchema>;

/** Metric name → acceptable range, for one QC step. */
const rulesSchema = z.record(z.string(), rangeSchema);
export type Rules = z.infer<typeof rulesSchema>;

/** Rules of one QC step: a default, refined by sample type, then by library kit (most specific wins). */
const stepThresholdsSchema = z.object({
  default: rulesSchema.optional(),
  bySampleType: z.record(z.string(), rulesSchema).optional(),
  byKit: z.record(z.string(), rulesSchema).optional(),
}).strict();
type StepThresholds = z.infer<typeof stepThresholdsSchema>;

export const qcThresholdsSchema = z.object({
  SAMPLE_QC: stepThresholdsSchema.optional(),
  LIBRARY_QC: stepThresholdsSchema.optional(),
  QUALITY_ASSESSMENT: stepThresholdsSchema.optional(),
}).strict();
export type QcThresholds = z.infer<typeof qcThresholdsSchema>;

/**
 * Defaults from domain.md §3.9/§4.1 and lims-landscape.md §4.5: input concentration by sample type
 * (the REST validator's table), volume 1–100 µL, DNA A260/280 1.7–2.0 and A260/230 2.0–2.2, RNA
 * A260/280 1.8–2.2; library 0.1–100 ng/µL with 5–50 fmol loaded; read quality mean Q 7–50.
 */
export const DEFAULT_QC_THRESHOLDS: QcThresholds = {
  SAMPLE_QC: {
    default: { volumeUl: { min: 1, max: 100 } },
    bySampleType: {
      DNA: { concentrationNgPerUl: { min: 0.1, max: 1000 }, a260280: { min: 1.7, max: 2.0 }, a260230: { min: 2.0, max: 2.2 } },
      RNA: { concentrationNgPerUl: { min: 0.1, max: 500 }, a260280: { min: 1.8, max: 2.2 } },
      PROTEIN: { concentrationNgPerUl: { min: 0.5, max: 2000 } },
    },
  },
  LIBRARY_QC: { default: { concentrationNgPerUl: { min: 0.1, max: 100 }, fmolLoaded: { min: 5, max: 50 } } },
  QUALITY_ASSESSMENT: { default: { meanQScore: { min: 7, max: 50 } } },
};

function mergeRecords(a: Record<string, Rules> = {}, b: Record<string, Rules> = {}): Record<string, Rules> {
  const out: Record<string, Rules> = { ...a };
  for (const [key, rules] of Object.entries(b)) out[key] = { ...out[key], ...rules };
  return out;
}

/** Overrides replace individual metric ranges; everything not mentioned keeps its default. */
export function mergeThresholds(base: QcThresholds, override: QcThresholds | undefined): QcThresholds {
  if (!override) return base;
  const out: QcThresholds = { ...base };
  for (const step of ['SAMPLE_QC', 'LIBRARY_QC', 'QUALITY_ASSESSMENT'] as const) {
    const b: StepThresholds = base[step] ?? {};
    const o: StepThresholds = override[step] ?? {};
    out[step] = {
      default: { ...b.default, ...o.default },
      bySampleType: mergeRecords(b.bySampleType, o.bySampleType),
      byKit: mergeRecords(b.byKit, o.byKit),
    };
  }
  return out;
}

/** The ranges that apply to one sample at one QC step. */
export function rulesFor(thresholds: QcThresholds, step: StepName, scope: { sampleType?: string | null; kit?: string | null }): Rules {
  const t = thresholds[step as keyof QcThresholds];
  if (!t) return {};
  return {
    ...t.default,
    ...(scope.sampleType ? t.bySampleType?.[scope.sampleType] : undefined),
    ...(scope.kit ? t.byKit?.[scope.kit] : undefined),
  };
}

export interface QcCheck {
  metric: string;
  value: number | null;
  min: number | null;
  max: number | null;
  passed: boolean;
  message: string;
}

/** Checks each measured metric against its range; a metric with a rule but no value is not checked. */
export function evaluate(rules: Rules, metrics: Record<string, number | null | undefined>): QcCheck[] {
  const checks: QcCheck[] = [];
  for (const [metric, range] of Object.entries(rules)) {
    const value = metrics[metric];
    if (value === null || value === undefined) continue;
    const low = range.min !== undefined && value < range.min;
    const high = range.max !== undefined && value > range.max;
    const bounds = `${range.min ?? '-∞'}–${range.max ?? '∞'}`;
    checks.push({
      metric, value, min: range.min ?? null, max: range.max ?? null, passed: !low && !high,
      message: low ? `${metric} ${value} is below ${range.min} (accepted ${bounds})` : high ? `${metric} ${value} is above ${range.max} (accepted ${bounds})` : `${metric} ${value} within ${bounds}`,
    });
  }
  return checks;
}
