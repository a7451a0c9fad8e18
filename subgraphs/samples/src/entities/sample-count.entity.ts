import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

const bucket = () => ({
  labId: p.string().length(100),
  // Plain text, not an enum check: the trigger copies whatever `sample` accepted.
  status: p.string().length(20),
  priority: p.string().length(20),
  /** archived_at is set: the sample was withdrawn and leaves lists unless asked for. */
  archived: p.boolean(),
});

/**
 * How many samples there are per (lab, status, priority, archived): the dimensions sample lists
 * filter on most, and the lab every submitter's list is confined to. The total of a bucket is its
 * row here plus its rows in `sample_count_delta`, which statement-level triggers on `sample` append
 * to (migration SampleCounts), so every write path counts, through the ORM or plain SQL. Read by
 * services/sample-counts.ts so that filtered totals do not scan samples.
 */
export const SampleCount = defineEntity({
  name: 'SampleCount',
  tableName: 'sample_count',
  properties: {
    labId: bucket().labId.primary(),
    status: bucket().status.primary(),
    priority: bucket().priority.primary(),
    archived: bucket().archived.primary(),
    n: p.integer(),
  },
});
export type SampleCount = InferEntity<typeof SampleCount>;

/**
 * Changes to the counts not yet folded into `sample_count`: one row per bucket a statement
 * changed, appended without a unique key so concurrent writers never wait on each other;
 * SampleCountCompactor folds them in every few seconds.
 */
export const SampleCountDelta = defineEntity({
  name: 'SampleCountDelta',
  tableName: 'sample_count_delta',
  properties: {
    id: p.bigint().primary().autoincrement(),
    ...bucket(),
    n: p.integer(),
  },
});
export type SampleCountDelta = InferEntity<typeof SampleCountDelta>;
