import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, ForbiddenError, NotFoundError, Problems, canSeeLab, requireWrite, ValidationError, type BaseContext } from '@app/common';
import { AcceptedExtraction, IntakeJob, IntakeRow } from '../entities/index.js';
import type { IntakeKind } from '../entities/enums.js';
import type { SubmissionDeps } from '../deps.js';
import { FilesClient } from '../clients/files-client.js';
import { SamplesClient } from '../clients/samples-client.js';
import { readCsv } from '../parsers/csv.js';
import { readExtraction } from '../parsers/extraction.js';
import { SheetError, checkCells, isBlank, type SheetReader } from '../parsers/table.js';
import { readXlsx } from '../parsers/xlsx.js';
import { mapHeader } from './columns.js';
import { emitJobEvent } from './job-events.js';
import type { ProgressReporter } from './progress.js';
import { checkRows, type CheckTarget } from './row-check.js';
import { insertRows } from './row-store.js';

interface IntakeTarget {
  submissionId?: string | null;
  projectId?: string | null;
  filename?: string | null;
}
export interface CsvIntakeInput extends IntakeTarget {
  csv?: string | null;
  csvBase64?: string | null;
  fileId?: string | null;
}
export interface XlsxIntakeInput extends IntakeTarget {
  xlsxBase64?: string | null;
  fileId?: string | null;
}
export interface ExtractionIntakeInput {
  extractionJobId: string;
  submissionId?: string | null;
  projectId?: string | null;
}

/** What a sheet-level problem calls the source ("The CSV has a header but no data rows"). */
const SOURCE_NAME: Record<IntakeKind, string> = { CSV: 'CSV', XLSX: 'workbook', PDF: 'accepted quote', TEXT: 'text' };


/** Rows read, checked by samples and stored per batch: memory holds two batches (one checked, one being stored), whatever the sheet's length. */
export const PARSE_BATCH = 1_000;

/** Needs the samples API as the caller; the gateway supplies it (DELEGATIONS in gateway/src/subgraph-data-source.ts). */
export function samplesClientOf(ctx: BaseContext): SamplesClient {
  const client = SamplesClient.of(ctx);
  if (!client) throw new ForbiddenError('Intake must be called through the gateway, which lets it write samples as you');
  return client;
}

export class IntakeService {
  constructor(private readonly deps: SubmissionDeps, private readonly ctx: BaseContext, private readonly progress: ProgressReporter) {}

  async fromCsv(input: CsvIntakeInput): Promise<IntakeJob> {
    this.requireWriter();
    const given = [input.csv, input.csvBase64, input.fileId].filter((v) => v != null && v !== '').length;
    if (given !== 1) throw ValidationError.field('csv', 'give exactly one of csv (text), csvBase64 (the file as saved) and fileId (a stored file)');
    if (input.fileId) return this.fromStoredFile('CSV', input, input.fileId, readCsv);
    const field = input.csvBase64 ? 'csvBase64' : 'csv';
    const bytes = input.csv ? Buffer.from(input.csv, 'utf8') : this.base64(field, input.csvBase64!);
    return this.start('CSV', input, field, bytes, () => readCsv(bytes));
  }

  /** An uploaded file's bytes (the /intake/uploads route). */
  fromCsvBytes(input: IntakeTarget, bytes: Buffer): Promise<IntakeJob> {
    return this.start('CSV', input, 'body', bytes, () => readCsv(bytes));
  }

  fromXlsxBytes(input: IntakeTarget, bytes: Buffer): Promise<IntakeJob> {
    return this.start('XLSX', input, 'body', bytes, () => readXlsx(bytes));
  }

  async fromXlsx(input: XlsxIntakeInput): Promise<IntakeJob> {
    this.requireWriter();
    if (!input.xlsxBase64 === !input.fileId) throw ValidationError.field('xlsxBase64', 'give exactly one of xlsxBase64 (the workbook) and fileId (a stored file)');
    if (input.fileId) return this.fromStoredFile('XLSX', input, input.fileId, readXlsx);
    const bytes = this.base64('xlsxBase64', input.xlsxBase64!);
    return this.start('XLSX', input, 'xlsxBase64', bytes, () => readXlsx(bytes));
  }

  /**
   * A sheet uploaded to the files subgraph before: read as the caller (files decides who may see
   * it), bounded by INTAKE_MAX_BYTES, checked against its recorded hash; its name is the default.
   */
  private async fromStoredFile(kind: IntakeKind, input: IntakeTarget, fileId: string, read: (bytes: Buffer) => Promise<SheetReader>): Promise<IntakeJob> {
    const problems = new Problems();
    const id = problems.id('fileId', fileId);
    problems.throwIfAny();
    const files = FilesClient.of(this.ctx);
    if (!files) throw new ForbiddenError('Intake from a stored file must be called through the gateway, which lets it read files as you');
    const { file, bytes } = await files.read('fileId', id!, this.deps.config.INTAKE_MAX_BYTES);
    return this.start(kind, { ...input, filename: input.filename ?? file.filename }, 'fileId', bytes, () => read(bytes));
  }

  /**
   * An intake from a quote PDF the ai subgraph's reviewer accepted: its sample table becomes the
   * rows, checked and committed like a sheet's. One intake per extraction; asking again answers
   * the same job. Goes into the extraction's submission unless another target is given.
   */
  async fromExtraction(input: ExtractionIntakeInput): Promise<IntakeJob> {
    this.requireWriter();
    const problems = new Problems();
    const extractionJobId = problems.id('extractionJobId', input.extractionJobId);
    problems.throwIfAny();
    const accepted = await this.acceptedExtraction(extractionJobId!);
    const earlier = await this.ctx.em.findOne(IntakeJob, { extractionJobId: accepted.id });
    if (earlier) return earlier;
    const target = input.submissionId || input.projectId ? input : { submissionId: accepted.submissionId, projectId: null };
    if (!target.submissionId && !target.projectId) throw ValidationError.field('projectId', 'is required: the accepted quote names no submission, so give the project a new one is created in');
    return this.start('PDF', { ...target, filename: `extraction ${accepted.id}` }, 'extractionJobId', null, async () => readExtraction(accepted), accepted.id);
  }

  /**
   * The accepted extraction, if the caller may see its lab (missing, not accepted and invisible
   * answer alike). Acceptance reaches this subgraph by event, usually within milliseconds of
   * acceptExtraction answering; a caller that is faster gets NOT_FOUND and may retry.
   */
  private async acceptedExtraction(id: string): Promise<AcceptedExtraction> {
    const found = await this.ctx.em.findOne(AcceptedExtraction, id);
    if (!found || !canSeeLab(this.ctx.principal, found.labId ?? '')) throw new NotFoundError('accepted ExtractionJob', id);
    return found;
  }

  private requireWriter(): void {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
  }

  private base64(field: string, value: string): Buffer {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) throw ValidationError.field(field, 'is required');
    if (trimmed.length > Math.ceil((this.deps.config.INTAKE_MAX_BYTES * 4) / 3) + 4) throw ValidationError.field(field, `must be at most ${this.deps.config.INTAKE_MAX_BYTES} bytes`);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw ValidationError.field(field, 'must be base64');
    return Buffer.from(trimmed, 'base64');
  }

  /** Checks who and where, creates the job (PARSING), reads the sheet into rows, and ends VALIDATED or FAILED. */
  private async start(kind: IntakeKind, input: IntakeTarget, field: string, bytes: Buffer | null, open: () => Promise<SheetReader>, extractionJobId: string | null = null): Promise<IntakeJob> {
    this.requireWriter();
    const problems = new Problems();
    const submissionId = problems.id('submissionId', input.submissionId, false);
    const projectId = problems.id('projectId', input.projectId, false);
    if (!submissionId === !projectId) problems.add('submissionId', 'give exactly one of submissionId (add to it) and projectId (a new submission in it)');
    const filename = problems.text('filename', input.filename, { required: false, max: 255 });
    if (bytes?.length === 0) problems.add(field, 'is empty');
    else if (bytes && bytes.length > this.deps.config.INTAKE_MAX_BYTES) problems.add(field, `must be at most ${this.deps.config.INTAKE_MAX_BYTES} bytes`);
    problems.throwIfAny();
    const client = samplesClientOf(this.ctx);
    // Samples answers NOT_FOUND for a submission or project of another lab: a submitter cannot import into it.
    const labId = submissionId ? (await client.submission(submissionId)).labId : (await client.project(projectId!)).labId;
    if (!canSeeLab(this.ctx.principal, labId)) throw new ForbiddenError('Submitters can only import into their own lab');
    const job = await this.ctx.em.transactional(async (em) => {
      const created = em.create(IntakeJob, {
        kind, status: 'PARSING', submissionId, projectId: submissionId ? null : projectId, labId, filename, extractionJobId, createdBy: this.ctx.principal.userId!,
        ignoredColumns: [], createdAt: this.deps.now(),
      });
      await em.flush();
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeJobCreated, created, bytes ? { byteSize: bytes.length } : { extractionJobId });
      return created;
    });
    try {
      await this.parse(job, client, await open());
    } catch (err) {
      if (err instanceof SheetError) await this.fail(job, `The ${SOURCE_NAME[kind]} ${err.message}`);
      else {
        // Not the sheet's fault: logged in full, and masked in the job (a driver error would show SQL and the sheet's data).
        this.ctx.logger.error({ err, jobId: job.id }, 'intake parsing failed');
        await this.fail(job, `Parsing stopped by an internal error (logged under job ${job.id}); try again later`);
      }
    }
    return job;
  }

  /** Streams the rows in batches: each batch is read, checked by samples and stored before the next is read. */
  private async parse(job: IntakeJob, client: SamplesClient, sheet: SheetReader): Promise<void> {
    const { ignored, headers } = mapHeader(sheet.header);
    const target: CheckTarget = {
      jobId: job.id, submissionId: job.submissionId ?? null, projectId: job.projectId ?? null, delimiter: (sheet as { delimiter?: string }).delimiter ?? ',',
      accounts: headers.has('billingAccount') ? await client.billingAccounts(job.labId) : new Map(),
    };
    const names = new Map<string, number>();
    const earlierName = (key: string, rowNumber: number) => {
      const earlier = names.get(key);
      if (earlier === undefined) names.set(key, rowNumber);
      return earlier ?? null;
    };
    const header = sheet.header.map((h, i) => h.trim() || `column_${i + 1}`);
    let batch: { rowNumber: number; raw: Record<string, string> }[] = [];
    let rowCount = 0;
    let errorCount = 0;
    // One batch is stored while the next is read and checked.
    let storing: Promise<unknown> = Promise.resolve();
    const flush = async () => {
      const checked = await checkRows(client, target, batch, earlierName);
      batch = [];
      errorCount += checked.filter((r) => r.errors.length).length;
      await storing;
      storing = insertRows(this.deps.orm.em.fork(), this.deps.schema, job.id, checked.map((r) => ({
        rowNumber: r.rowNumber, raw: r.raw, parsed: r.draft, errors: r.errors, status: r.errors.length ? 'INVALID' : 'VALID', nameKey: r.nameKey,
      })));
      storing.catch(() => undefined); // awaited before the next batch is stored; this only keeps it from counting as unhandled meanwhile
      this.progress.report(job, 'PARSING', rowCount, null);
    };
    try {
      for await (const row of sheet.rows) {
        checkCells(sheet.header, row);
        if (isBlank(row.cells)) continue;
        if (++rowCount > this.deps.config.INTAKE_MAX_ROWS) throw new SheetError(`has more than ${this.deps.config.INTAKE_MAX_ROWS} rows`);
        const raw = Object.fromEntries(header.map((h, i) => [h, row.cells[i] ?? '']));
        if (row.cells.length > header.length && !isBlank(row.cells.slice(header.length))) raw['(extra cells)'] = row.cells.slice(header.length).join(' | ');
        batch.push({ rowNumber: row.rowNumber, raw });
        if (batch.length >= PARSE_BATCH) await flush();
      }
      if (rowCount === 0) throw new SheetError('has a header but no data rows');
      if (batch.length) await flush();
      await storing;
    } finally {
      // A failed sheet's rows are deleted next: no insert may still be on its way.
      await storing.catch(() => undefined);
    }
    await this.ctx.em.transactional(async (em) => {
      const current = await em.findOneOrFail(IntakeJob, job.id);
      Object.assign(current, { status: 'VALIDATED', rowCount, errorCount, ignoredColumns: ignored });
      await em.flush();
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeJobValidated, current, { rowCount, errorCount, ignoredColumns: ignored }, { status: 'PARSING' });
      Object.assign(job, current);
    });
    this.progress.report(job, 'VALIDATED', rowCount, null);
  }

  /** A sheet that cannot be read leaves a FAILED job with the reason, and none of its rows. */
  private async fail(job: IntakeJob, error: string): Promise<void> {
    await this.ctx.em.transactional(async (em: EntityManager) => {
      await em.nativeDelete(IntakeRow, { job: job.id });
      const current = await em.findOneOrFail(IntakeJob, job.id, { refresh: true });
      Object.assign(current, { status: 'FAILED', error: error.slice(0, 2000), rowCount: 0, errorCount: 0 });
      await em.flush();
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeJobFailed, current, { error: current.error }, { status: 'PARSING' });
      Object.assign(job, current);
    });
    this.progress.report(job, 'FAILED', 0, null);
  }
}
