import type { FormKind } from './form-spec.js';

export const FieldSources = ['LAYOUT', 'CHECKBOX', 'TABLE', 'LLM', 'RETRIEVAL', 'MANUAL'] as const;
export type FieldSource = (typeof FieldSources)[number];

/** One value read from the form, with how sure the reader is and where on the page it was. */
export interface DraftField {
  name: string;
  /** A string, a list (several options marked) or null (nothing there, or nothing reliable). */
  value: string | string[] | null;
  confidence: number;
  source: FieldSource;
  page: number | null;
  bbox: [number, number, number, number] | null;
  /** Why a person should look (no option marked, label missing, odd shape…). */
  warning: string | null;
  /** The past correction applied or suggested (source RETRIEVAL). */
  correctionId?: string | null;
}

/** One row of the sample table, as printed. */
export interface DraftSample {
  sampleNumber: string;
  sampleName: string;
  volume: string | null;
  volumeUnit: string | null;
  qubitConc: string | null;
  qubitUnit: string | null;
  nanodropConc: string | null;
  nanodropUnit: string | null;
  a260_280: string | null;
  a260_230: string | null;
  isControl: boolean;
  confidence: number;
  page: number;
  bbox: [number, number, number, number];
  warning: string | null;
}

/** Everything an extraction produced: the reviewable draft. */
export interface ExtractionDraft {
  form: FormKind | null;
  pages: number;
  fields: DraftField[];
  samples: DraftSample[];
  /** Document-level problems (not a quote form, table not found…). */
  warnings: string[];
}

/** Confidence below which a value is flagged for review (and where every wrong value must sit). */
export const LOW_CONFIDENCE = 0.8;
