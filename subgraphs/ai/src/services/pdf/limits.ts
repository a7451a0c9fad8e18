// What a read may use and why it failed; kept apart from document.ts so the main thread, which only
// dispatches reads to the reader threads, never loads pdfjs (and with it skia and its fonts).

export const UnreadableCodes = ['NOT_PDF', 'ENCRYPTED', 'CORRUPT', 'TOO_MANY_PAGES', 'TIMEOUT', 'TOO_LARGE', 'OUT_OF_MEMORY'] as const;
export type UnreadableCode = (typeof UnreadableCodes)[number];

/** Why a file could not be read; the job ends FAILED with this reason. */
export class UnreadablePdfError extends Error {
  constructor(readonly code: UnreadableCode, message: string) {
    super(message);
  }
}

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  /** Wall-clock budget for the whole read. */
  timeoutMs: number;
  /** Shapes kept per page (a page of vector art should not exhaust memory). */
  maxShapesPerPage: number;
  /** Heap of the reader thread (worker_threads resourceLimits); a read that needs more is stopped. */
  memoryMb: number;
}

/** The reason of a read that ran past its wall-clock budget (here, or in the reader pool that stops the thread). */
export const timedOut = (ms: number) => new UnreadablePdfError('TIMEOUT', `Reading the PDF took longer than ${ms} ms`);

/** Limits for reading one PDF when the configuration does not say otherwise (AI_MAX_PDF_BYTES, AI_MAX_PDF_PAGES, AI_PDF_TIMEOUT_MS, AI_MAX_SHAPES_PER_PAGE, AI_PDF_MEMORY_MB). */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: 20_000_000, maxPages: 50, timeoutMs: 20_000, maxShapesPerPage: 20_000, memoryMb: 512 };

/** The limits the configuration sets. */
export function pdfLimitsOf(c: { AI_MAX_PDF_BYTES: number; AI_MAX_PDF_PAGES: number; AI_PDF_TIMEOUT_MS: number; AI_MAX_SHAPES_PER_PAGE: number; AI_PDF_MEMORY_MB: number }): PdfLimits {
  return { maxBytes: c.AI_MAX_PDF_BYTES, maxPages: c.AI_MAX_PDF_PAGES, timeoutMs: c.AI_PDF_TIMEOUT_MS, maxShapesPerPage: c.AI_MAX_SHAPES_PER_PAGE, memoryMb: c.AI_PDF_MEMORY_MB };
}
