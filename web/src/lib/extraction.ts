// Logic of the PDF review page without React: how sure a value is (in words and a level the page
// colours), where it came from, and what a reviewer's edit sends (`correctExtractionField`,
// `correctExtractedSample`).

/** Below this the ai subgraph's fixture set puts its wrong values (ExtractionResult.confidence). */
export const LOW_CONFIDENCE = 0.8;

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence < LOW_CONFIDENCE) return 'low';
  return confidence < 0.95 ? 'medium' : 'high';
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}

const SOURCES: Record<string, string> = {
  LAYOUT: 'label on the form', CHECKBOX: 'marked option', TABLE: 'sample table', LLM: 'language model', RETRIEVAL: 'past correction', MANUAL: 'reviewer',
};

/** "page 2, label on the form" — where a value was found, for the reviewer to look it up. */
export function describeOrigin(o: { source: string; page?: number | null; line?: number | null }): string {
  const where = o.page ? `page ${o.page}` : o.line ? `line ${o.line}` : '';
  const how = SOURCES[o.source] ?? o.source.toLowerCase();
  return where ? `${where}, ${how}` : how;
}

/** "at 72, 140 pt" — the top-left corner of a value's box on its page (PDF points from the top-left). */
export function describeBox(box: readonly number[] | null | undefined): string {
  if (!box || box.length < 2) return '';
  return `at ${Math.round(box[0]!)}, ${Math.round(box[1]!)} pt`;
}

/** A field's correction: multi-option questions (values non-null) are edited one option per line. */
export function fieldCorrection(field: { fieldName: string; values?: readonly string[] | null }, text: string): { fieldName: string; value?: string | null; values?: string[] } {
  if (field.values) return { fieldName: field.fieldName, values: text.split('\n').map((v) => v.trim()).filter(Boolean) };
  const value = text.trim();
  return { fieldName: field.fieldName, value: value === '' ? null : value };
}

/** What a field's editor starts with. */
export function fieldEditText(field: { value?: string | null; values?: readonly string[] | null }): string {
  return field.values ? field.values.join('\n') : field.value ?? '';
}

/** The sample-table cells a reviewer may edit (CorrectExtractedSampleInput.field), in print order. */
export const SAMPLE_CELLS = ['sampleName', 'volume', 'qubitConc', 'nanodropConc', 'a260_280', 'a260_230'] as const;
export type SampleCell = (typeof SAMPLE_CELLS)[number];

/** The cells whose edited text differs from the row, each one `correctExtractedSample` call. */
export function changedCells(row: Partial<Record<SampleCell, string | null>>, edited: Partial<Record<SampleCell, string>>): { field: SampleCell; value: string | null }[] {
  const changes: { field: SampleCell; value: string | null }[] = [];
  for (const field of SAMPLE_CELLS) {
    if (!(field in edited)) continue;
    const next = (edited[field] ?? '').trim();
    if (next !== (row[field] ?? '')) changes.push({ field, value: next === '' ? null : next });
  }
  return changes;
}

/** Running states: the page follows `extractionProgress` while a job is in one. */
export const runningExtraction = (status: string) => status === 'QUEUED' || status === 'RUNNING';
