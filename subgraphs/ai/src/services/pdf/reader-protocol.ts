import type { PdfLimits, UnreadableCode } from './limits.js';
import type { ExtractionDraft } from './draft.js';
import type { Stage } from './extract.js';

/** What the pool asks a reader thread: read these bytes (transferred, not copied) within these limits. */
export interface ReadRequest {
  id: number;
  bytes: ArrayBuffer;
  limits: PdfLimits;
}

/** What a reader thread answers: loaded; a request's progress; its draft; or why it could not be read (`code` null: a bug, not the file). */
export type ThreadMessage =
  | { type: 'ready' }
  | { id: number; type: 'progress'; stage: Stage; page: number; pages: number }
  | { id: number; type: 'done'; draft: ExtractionDraft }
  | { id: number; type: 'failed'; code: UnreadableCode | null; message: string };
