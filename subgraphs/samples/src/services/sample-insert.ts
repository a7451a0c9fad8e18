import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingAccount, Sample, Submission } from '../entities/index.js';
import { derivedOnCreate } from '../entities/sample.entity.js';
import type { SampleInput } from './sample-rules.js';

/** A new sample's row as it is inserted: its fields, with relations as ids. */
export type NewSampleRow = ReturnType<typeof newSampleRow>;

/**
 * The row `addSamples` inserts for one checked input: the fields as the caller gave them (trimmed,
 * defaults from the submission), plus what the entity's onCreate hooks would derive (derivedOnCreate,
 * the same functions; createdAt is the wall clock, as the hooks take it), so a bulk-inserted sample
 * is indistinguishable from one the unit of work created.
 */
export function newSampleRow(submission: Submission, input: SampleInput, number: number, now: Date, createdAt = new Date()) {
  const fields = {
    id: crypto.randomUUID(), submission: submission.id, submissionNumber: submission.number, projectId: submission.project.id, number,
    name: input.name.trim(), sampleType: input.sampleType, materialType: input.materialType ?? null, labId: submission.labId,
    organism: input.organism?.trim() || null, buffer: input.buffer?.trim() || null,
    qubitConcentration: input.qubitConcentration ?? null, nanodropConcentration: input.nanodropConcentration ?? null,
    volume: input.volume ?? null, a260280: input.a260280 ?? null, a260230: input.a260230 ?? null, fragmentSize: input.fragmentSize ?? null,
    flowCellDevice: input.flowCellDevice ?? null, poreChemistry: input.poreChemistry ?? null, flowCellCount: input.flowCellCount ?? 1,
    billingAccount: input.billingAccountId ?? submission.billingAccount?.id ?? null,
    priority: input.priority ?? submission.priority, status: 'SUBMITTED' as const, statusChangedAt: null, assigneeId: input.assigneeId ?? null,
    isControl: input.isControl ?? false, notes: input.notes?.trim() || null, externalKey: input.externalKey ?? null,
    submittedAt: now, completedAt: null, archivedAt: null, version: 1, createdAt, updatedAt: createdAt,
  };
  return { ...fields, ...derivedOnCreate(fields) };
}

/**
 * Inserts new samples with one plain INSERT in the caller's transaction (triggers on the table see
 * every row). The unit of work is bypassed: flushing 1,000 new entities cost more than the rest of
 * an addSamples call together.
 */
export async function insertSamples(em: EntityManager, rows: NewSampleRow[]): Promise<void> {
  if (rows.length) await em.insertMany(Sample, rows);
}

/**
 * The inserted rows as Sample entities for the answer, on an entity manager of their own that is
 * never flushed (in the transaction's, its commit would compare 1,000 entities for changes).
 */
export function asEntities(em: EntityManager, rows: NewSampleRow[]): Sample[] {
  const own = em.fork({ clear: true });
  return rows.map(({ submission, billingAccount, ...row }) => own.create(Sample, {
    ...row,
    submission: own.getReference(Submission, submission),
    billingAccount: billingAccount ? own.getReference(BillingAccount, billingAccount) : null,
  }, { managed: true, persist: false }));
}
