import type { PdfLimits } from './document.js';

/** Limits for reading one PDF when the configuration does not say otherwise (AI_MAX_PDF_BYTES, AI_MAX_PDF_PAGES, AI_PDF_TIMEOUT_MS, AI_MAX_SHAPES_PER_PAGE, AI_PDF_MEMORY_MB). */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: 20_000_000, maxPages: 50, timeoutMs: 20_000, maxShapesPerPage: 20_000, memoryMb: 512 };

/** The limits the configuration sets. */
export function pdfLimitsOf(c: { AI_MAX_PDF_BYTES: number; AI_MAX_PDF_PAGES: number; AI_PDF_TIMEOUT_MS: number; AI_MAX_SHAPES_PER_PAGE: number; AI_PDF_MEMORY_MB: number }): PdfLimits {
  return { maxBytes: c.AI_MAX_PDF_BYTES, maxPages: c.AI_MAX_PDF_PAGES, timeoutMs: c.AI_PDF_TIMEOUT_MS, maxShapesPerPage: c.AI_MAX_SHAPES_PER_PAGE, memoryMb: c.AI_PDF_MEMORY_MB };
}
