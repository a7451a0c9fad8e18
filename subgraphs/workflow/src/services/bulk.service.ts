import { AppError, ValidationError, requireWrite, type BaseContext } from '@app/common';
import type { WorkflowStep } from '../entities/index.js';
import type { CompleteInput, StartInput, StepService } from './step.service.js';

/** A plate: the most samples one bulk call may move. */
export const MAX_BULK = 96;

export interface BulkItemResult {
  sampleId: string;
  ok: boolean;
  step: WorkflowStep | null;
  error: { code: string; message: string; field: string | null } | null;
}

/**
 * Applies one operation to many samples, each in its own transaction: one refused sample (wrong
 * state, stale version, bad results) is reported in its row and does not hold back the others.
 */
export class BulkService {
  constructor(private readonly ctx: BaseContext, private readonly steps: StepService) {}

  startSteps(inputs: StartInput[]): Promise<BulkItemResult[]> {
    return this.each(inputs, (input) => this.steps.start(input));
  }

  completeSteps(inputs: CompleteInput[]): Promise<BulkItemResult[]> {
    return this.each(inputs, (input) => this.steps.complete(input));
  }

  private async each<T extends { sampleId: string }>(inputs: T[], run: (input: T) => Promise<WorkflowStep>): Promise<BulkItemResult[]> {
    requireWrite(this.ctx.principal, 'workflow:write', 'ADMIN', 'STAFF');
    if (inputs.length === 0 || inputs.length > MAX_BULK) throw ValidationError.field('inputs', `must contain 1 to ${MAX_BULK} samples`);
    const seen = new Set<string>();
    const duplicates = inputs.flatMap((input, i) => (seen.has(input.sampleId) ? [{ field: `inputs.${i}.sampleId`, message: 'appears twice in this call' }] : (seen.add(input.sampleId), [])));
    if (duplicates.length) throw new ValidationError(duplicates);
    const results: BulkItemResult[] = [];
    for (const input of inputs) {
      try {
        results.push({ sampleId: input.sampleId, ok: true, step: await run(input), error: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const field = typeof err.extensions.field === 'string' ? err.extensions.field : null;
        results.push({ sampleId: input.sampleId, ok: false, step: null, error: { code: err.code, message: err.message, field } });
      }
    }
    return results;
  }
}
