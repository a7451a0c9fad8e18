import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * How many samples there are per (lab, status, priority, archived): the dimensions sample lists
 * filter on most, and the lab every submitter's list is confined to. Kept exact by statement-level
 * triggers on `sample` (migration SampleCounts), so every write path counts, whether through the
 * ORM or plain SQL; read by services/sample-counts.ts so filtered totals do not scan samples.
 */
export const SampleCount = defineEntity({
  name: 'SampleCount',
  tableName: 'sample_count',
  properties: {
    labId: p.string().length(100).primary(),
    // Plain text, not an enum check: the trigger copies whatever `sample` accepted.
    status: p.string().length(20).primary(),
    priority: p.string().length(20).primary(),
    /** archived_at is set: the sample was withdrawn and leaves lists unless asked for. */
    archived: p.boolean().primary(),
    n: p.integer(),
  },
});
export type SampleCount = InferEntity<typeof SampleCount>;
