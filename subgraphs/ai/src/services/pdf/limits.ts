import type { PdfLimits } from './document.js';

/** Limits for reading one PDF when the configuration does not say otherwise. */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: 20_000_000, maxPages: 50, timeoutMs: 20_000, maxShapesPerPage: 20_000 };
