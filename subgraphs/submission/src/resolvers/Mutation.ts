import type { SubmissionContext } from '../context.js';
import type { CsvIntakeInput, XlsxIntakeInput } from '../services/intake.service.js';

export const Mutation = {
  createIntakeFromCsv: (_: unknown, { input }: { input: CsvIntakeInput }, ctx: SubmissionContext) => ctx.services.intake.fromCsv(input),
  createIntakeFromXlsx: (_: unknown, { input }: { input: XlsxIntakeInput }, ctx: SubmissionContext) => ctx.services.intake.fromXlsx(input),
};
