import { createHash, randomUUID } from 'node:crypto';
import {
  EventTypes, ForbiddenError, ValidationError, emitEvent, eventOrigin, labScope, requireWrite, uploadNotReceived,
  type BaseContext, type ExtractionJobQueuedData, type UploadPart,
} from '@app/common';
import { ExtractionJob, ExtractionSource } from '../entities/index.js';
import { SOURCE, type AiDeps } from '../deps.js';
import { readStoredPdf } from './files/file-bytes.js';
import { jobSubject } from './events.js';
import { Problems } from './validation.js';

export interface StartPdfExtractionInput {
  fileId?: string | null;
  upload?: UploadPart | null;
  pdfBase64?: string | null;
  filename?: string | null;
  submissionId?: string | null;
  labId?: string | null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A part's file name as something to record: its last path segment, without control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what must not be recorded
const cleanFilename = (name: string | undefined) => (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255) || null;

/** The uploaded part's bytes, read to the end within `maxBytes`; a part that did not arrive is the caller's error, naming the field. */
async function readUpload(part: UploadPart, maxBytes: number): Promise<{ bytes: Uint8Array; filename: string | null }> {
  const field = 'input.upload';
  const refused = (err: unknown) => (err instanceof ValidationError ? err : uploadNotReceived(err, field, maxBytes) ?? err);
  const file = await part.catch((err: unknown) => { throw refused(err); });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of file.createReadStream()) {
      size += (chunk as Buffer).length;
      // graphql-upload-ts stops the stream past the same limit; this keeps the bound whatever the parser does.
      if (size > maxBytes) throw ValidationError.field(field, `is larger than ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    throw refused(err);
  }
  if (size === 0) throw ValidationError.field(field, 'is empty');
  return { bytes: new Uint8Array(Buffer.concat(chunks, size)), filename: cleanFilename(file.filename) };
}

/** Queues quote PDFs for the worker: validates, takes the bytes, stores job + bytes + wake-up event at once. */
export class PdfJobService {
  constructor(private readonly deps: AiDeps, private readonly ctx: BaseContext) {}

  async start(input: StartPdfExtractionInput): Promise<ExtractionJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const checked = this.validate(input);
    const { bytes, filename, fileId, labId, kind } = await this.source(checked);
    const origin = eventOrigin(this.ctx, SOURCE);
    return this.ctx.em.transactional(async (em) => {
      const job = em.create(ExtractionJob, {
        id: randomUUID(), submissionId: checked.submissionId, fileId, sourceKind: 'PDF', filename, method: 'GEOMETRIC', labId,
        createdBy: this.ctx.principal.userId!, createdAt: this.deps.now(),
      });
      em.create(ExtractionSource, { jobId: job.id, bytes: Buffer.from(bytes), byteSize: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), createdAt: this.deps.now() });
      await em.flush();
      await emitEvent(em, this.deps.schema, origin, {
        // Wakes the worker; written through the outbox with the job, so a queued job is never forgotten.
        type: EventTypes.ExtractionJobQueued, subject: jobSubject(job),
        data: { method: job.method, source: kind, fileId, filename, byteSize: bytes.byteLength } satisfies ExtractionJobQueuedData,
        after: { status: job.status },
      });
      return job;
    });
  }

  private validate(input: StartPdfExtractionInput) {
    const problems = new Problems();
    const fileId = problems.id('input.fileId', input.fileId, false);
    const submissionId = problems.id('input.submissionId', input.submissionId, false);
    const given = (['fileId', 'upload', 'pdfBase64'] as const).filter((k) => input[k]);
    if (!given.length) problems.add('input.fileId', 'or input.upload or input.pdfBase64 is required');
    for (const extra of given.slice(1)) problems.add(`input.${extra}`, `must not be given with input.${given[0]}`);
    const maxChars = Math.ceil(this.deps.config.AI_INLINE_PDF_MAX_BYTES / 3) * 4;
    if (input.pdfBase64 && input.pdfBase64.length > maxChars) problems.add('input.pdfBase64', `must decode to at most ${this.deps.config.AI_INLINE_PDF_MAX_BYTES} bytes`);
    else if (input.pdfBase64 && !BASE64.test(input.pdfBase64)) problems.add('input.pdfBase64', 'is not base64');
    const filename = problems.text('input.filename', input.filename, { max: 255, required: false });
    const scope = labScope(this.ctx.principal);
    const labId = problems.text('input.labId', input.labId ?? scope, { max: 100, required: !input.fileId });
    problems.throwIfAny();
    if (scope !== null && labId && labId !== scope) throw new ForbiddenError('Submitters can only extract for their own lab');
    return { fileId, submissionId, filename, labId, pdfBase64: input.pdfBase64 ?? null, upload: input.upload ?? null };
  }

  /** The bytes to read: uploaded with the request, decoded inline, or fetched from the files subgraph as the caller. */
  private async source(input: ReturnType<PdfJobService['validate']>): Promise<{ bytes: Uint8Array; filename: string; fileId: string | null; labId: string; kind: ExtractionJobQueuedData['source'] }> {
    if (input.upload) {
      // Kept with the job like inline bytes (extraction_source); the files subgraph stores files only when asked (uploadFile).
      const { bytes, filename } = await readUpload(input.upload, this.deps.config.AI_MAX_PDF_BYTES);
      return { bytes, filename: input.filename ?? filename ?? 'quote.pdf', fileId: null, labId: input.labId!, kind: 'UPLOAD' };
    }
    if (input.pdfBase64) {
      return { bytes: new Uint8Array(Buffer.from(input.pdfBase64, 'base64')), filename: input.filename ?? 'quote.pdf', fileId: null, labId: input.labId!, kind: 'INLINE' };
    }
    const { bytes, file } = await readStoredPdf(this.ctx.em, this.deps.config, this.ctx.principal, input.fileId!);
    // A stored file's job belongs to the file's lab: whoever may see the file may see what it says.
    if (input.labId && file.labId && input.labId !== file.labId) throw new ForbiddenError('The file belongs to another lab');
    return { bytes, filename: input.filename ?? file.filename, fileId: file.id, labId: file.labId ?? input.labId!, kind: 'FILE' };
  }
}
