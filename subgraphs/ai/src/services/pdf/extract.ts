import { readPdf } from './document.js';
import type { PdfLimits } from './limits.js';
import type { DraftField, ExtractionDraft } from './draft.js';
import type { FormKind } from './form-spec.js';
import type { PageContent } from './geometry.js';
import { findLabel, linesOf, type Line } from './layout.js';
import { readSampleTable } from './sample-table.js';
import { readSelections } from './selections.js';
import { readTextFields } from './text-fields.js';

export type Stage = 'READING' | 'FIELDS' | 'TABLE' | 'ASSIST' | 'DONE';
export type ProgressReporter = (p: { stage: Stage; page: number; pages: number }) => Promise<void> | void;

/** Which form this is, from its "Forms" line or its first question; null for another document. */
function formKindOf(lines: Line[]): FormKind | null {
  if (findLabel(lines, 'I will be submitting RNA for:') || findLabel(lines, 'HTSF Nanopore Submission Form RNA')) return 'RNA';
  if (findLabel(lines, 'I will be submitting DNA for:') || findLabel(lines, 'HTSF Nanopore Submission Form DNA')) return 'DNA';
  return null;
}

/** Reads a quote from already-parsed pages: form fields, marked options and the sample table. */
export function extractFromPages(pages: PageContent[]): ExtractionDraft {
  const lines = linesOf(pages);
  const form = formKindOf(lines);
  if (!form) {
    return { form: null, pages: pages.length, fields: [], samples: [], warnings: ['This is not the facility\'s quote form (no "I will be submitting DNA/RNA for:" question)'] };
  }
  const fields: DraftField[] = [...readTextFields(lines), ...readSelections(form, lines, pages)];
  const table = readSampleTable(form, lines);
  const warnings = table.warning ? [table.warning] : [];
  return { form, pages: pages.length, fields, samples: table.samples, warnings };
}

/** Reads a quote PDF end to end within `limits`, reporting progress per page and stage. */
export async function extractQuotePdf(bytes: Uint8Array, limits: PdfLimits, progress: ProgressReporter = () => {}): Promise<ExtractionDraft> {
  const pages = await readPdf(bytes, limits, (page, total) => progress({ stage: 'READING', page, pages: total }));
  await progress({ stage: 'FIELDS', page: pages.length, pages: pages.length });
  return extractFromPages(pages);
}
