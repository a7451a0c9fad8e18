import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, emitEvent, eventOrigin, labScope, requireWrite, ValidationError, type BaseContext } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import type { IntakeKind } from '../entities/enums.js';
import { SOURCE, type SubmissionDeps } from '../deps.js';
import { parseCsv } from '../parsers/csv.js';
import type { Table } from '../parsers/table.js';
import { parseXlsx } from '../parsers/xlsx.js';
import { mapHeader, type ColumnKey } from './columns.js';
import { checkRow } from './row-rules.js';
import { Problems } from './validation.js';

interface IntakeTarget {
  submissionId: string;
  filename?: string | null;
  labId?: string | null;
}
export interface CsvIntakeInput extends IntakeTarget {
  csv: string;
}
export interface XlsxIntakeInput extends IntakeTarget {
  xlsxBase64: string;
}

export class IntakeService {
  constructor(private readonly deps: SubmissionDeps, private readonly ctx: BaseContext) {}

  async fromCsv(input: CsvIntakeInput): Promise<IntakeJob> {
    const target = this.authorize(input, 'csv', input.csv, (csv) => Buffer.byteLength(csv));
    const table = parseCsv(input.csv, 'csv', this.deps.config.INTAKE_MAX_ROWS);
    return this.store('CSV', target, table, 'csv');
  }

  async fromXlsx(input: XlsxIntakeInput): Promise<IntakeJob> {
    const target = this.authorize(input, 'xlsxBase64', input.xlsxBase64, (b64) => Math.floor((b64.length * 3) / 4));
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.xlsxBase64.trim())) throw ValidationError.field('xlsxBase64', 'must be base64');
    const table = await parseXlsx(Buffer.from(input.xlsxBase64, 'base64'), 'xlsxBase64', this.deps.config.INTAKE_MAX_ROWS);
    return this.store('XLSX', target, table, 'xlsxBase64');
  }

  /** Who may start an intake, for which lab, and whether the input fits the limits. */
  private authorize(input: IntakeTarget, field: string, content: string, sizeOf: (c: string) => number) {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    const submissionId = problems.id('submissionId', input.submissionId);
    const filename = problems.text('filename', input.filename, { required: false, max: 255 });
    const max = this.deps.config.INTAKE_MAX_BYTES;
    if (!content?.trim()) problems.add(field, 'is required');
    else if (sizeOf(content) > max) problems.add(field, `must be at most ${max} bytes`);
    const scope = labScope(this.ctx.principal);
    const labId = problems.text('labId', input.labId ?? scope, { max: 100 });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only import into their own lab');
    return { submissionId: submissionId!, filename, labId: labId! };
  }

  /** Checks every row and stores the job with all its rows and the event, in one transaction. */
  private store(kind: IntakeKind, target: { submissionId: string; filename: string | null; labId: string }, table: Table, field: string): Promise<IntakeJob> {
    const { fields, ignored } = mapHeader(table.header, field);
    const rules = { chartField: this.deps.config.INTAKE_CHART_FIELD_PATTERN };
    const seenNames = new Map<string, number>();
    const checked = table.rows.map(({ rowNumber, cells }) => {
      const raw = Object.fromEntries(table.header.map((h, i) => [h.trim() || `column_${i + 1}`, cells[i] ?? '']));
      const mapped: Partial<Record<ColumnKey, string>> = {};
      fields.forEach((key, index) => { mapped[key] = cells[index] ?? ''; });
      const { parsed, errors } = checkRow(mapped, rules);
      if (cells.length !== table.header.length) errors.push({ field: 'row', message: `has ${cells.length} cells; the header has ${table.header.length}` });
      const name = typeof parsed.sampleName === 'string' ? parsed.sampleName.toLowerCase() : null;
      if (name && seenNames.has(name)) errors.push({ field: 'sampleName', message: `repeats the name in row ${seenNames.get(name)}` });
      if (name && !seenNames.has(name)) seenNames.set(name, rowNumber);
      return { rowNumber, raw, parsed, errors };
    });
    return this.ctx.em.transactional((em) => this.persist(em, kind, target, ignored, checked));
  }

  private async persist(
    em: EntityManager, kind: IntakeKind, target: { submissionId: string; filename: string | null; labId: string }, ignored: string[],
    rows: { rowNumber: number; raw: Record<string, string>; parsed: Record<string, unknown>; errors: { field: string; message: string }[] }[],
  ): Promise<IntakeJob> {
    const errorCount = rows.filter((r) => r.errors.length).length;
    const job = em.create(IntakeJob, {
      kind, status: 'READY', ...target, createdBy: this.ctx.principal.userId!, rowCount: rows.length, errorCount, ignoredColumns: ignored, createdAt: this.deps.now(),
    });
    for (const row of rows) em.create(IntakeRow, { job, ...row, status: row.errors.length ? 'INVALID' : 'VALID' });
    await em.flush();
    await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
      type: 'IntakeJobCreated',
      subject: { type: 'IntakeJob', id: job.id, submissionId: job.submissionId, labId: job.labId },
      data: { kind, filename: job.filename, rowCount: job.rowCount, errorCount, ignoredColumns: ignored },
      after: { status: job.status, rowCount: job.rowCount, errorCount },
    });
    return job;
  }
}
