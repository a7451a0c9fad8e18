import type { SubmissionContext } from '../context.js';
import type { CsvIntakeInput, ExtractionIntakeInput, XlsxIntakeInput } from '../services/intake.service.js';

type Ctx = SubmissionContext;

export const Mutation = {
  createIntakeFromCsv: (_: unknown, { input }: { input: CsvIntakeInput }, ctx: Ctx) => ctx.services.intake.fromCsv(input),
  createIntakeFromXlsx: (_: unknown, { input }: { input: XlsxIntakeInput }, ctx: Ctx) => ctx.services.intake.fromXlsx(input),
  createIntakeFromExtraction: (_: unknown, { input }: { input: ExtractionIntakeInput }, ctx: Ctx) => ctx.services.intake.fromExtraction(input),
  updateIntakeRow: (_: unknown, a: { id: string; values: Record<string, unknown> }, ctx: Ctx) => ctx.services.rows.update(a.id, a.values),
  excludeIntakeRows: (_: unknown, a: { jobId: string; rowIds: string[]; excluded?: boolean | null }, ctx: Ctx) => ctx.services.rows.exclude(a.jobId, a.rowIds, a.excluded !== false),
  commitIntake: (_: unknown, a: { id: string; idempotencyKey: string }, ctx: Ctx) => ctx.services.commits.commit(a.id, a.idempotencyKey),
};
