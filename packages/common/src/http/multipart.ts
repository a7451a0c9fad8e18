/**
 * What graphql-upload-ts (and busboy under it) report about the sender's own multipart bytes,
 * once the operation is already running: a mapped file part that never came (400), a sender gone
 * mid-upload (499), a file over the limit (413), a part header that does not parse, a form cut
 * short. Each is the sender's fault, so it is answered as a client error and not logged as a fault.
 */
const FORM_ERRORS = new Set(['Malformed part header', 'Unexpected end of form', 'Unexpected end of file']);

export interface UploadRefusal {
  /** The HTTP status graphql-upload-ts gave it (400 for the parser's own errors). */
  status: number;
  message: string;
}

/** The refusal `err` stands for when it is about the sender's multipart request; null when it is not (a disk error, a bug). */
export function uploadRefusal(err: unknown): UploadRefusal | null {
  const { status, message } = (err ?? {}) as { status?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : 'Invalid multipart request';
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: text };
  if (FORM_ERRORS.has(text)) return { status: 400, message: text };
  return null;
}
