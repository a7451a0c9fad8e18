import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound, qualified } from '@app/common';
import { Sample, type Submission } from '../entities/index.js';
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
 * every row), the rows sent as one JSON document: 1,000 rows of 38 bound values each cost more in
 * the query builder's placeholder handling than in PostgreSQL. The unit of work is bypassed too:
 * flushing 1,000 new entities cost more than the rest of an addSamples call together. Columns and
 * their types come from the entity's metadata, so a renamed or retyped column cannot be missed here.
 */
export async function insertSamples(em: EntityManager, schema: string, rows: NewSampleRow[]): Promise<void> {
  if (rows.length === 0) return;
  const fields = em.getMetadata().get(Sample.name).properties as Record<string, { fieldNames: string[]; columnTypes: string[] }>;
  const columns = Object.keys(rows[0]!).map((prop) => ({ prop, name: fields[prop]!.fieldNames[0]!, type: fields[prop]!.columnTypes[0]! }));
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, row[c.prop as keyof NewSampleRow]]))));
  await executeBound(em, `insert into ${qualified(schema, 'sample')} (${list}) select ${list} from jsonb_to_recordset(?::jsonb) as r(${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`, [json], 'run');
}

/**
 * The inserted rows as the answer: what Sample's resolvers read (its columns, and its relations as
 * `{ id }` for the loaders). Hydrating 1,000 managed entities only to answer ids cost a tenth of the call.
 */
export function asSamples(rows: NewSampleRow[]): Sample[] {
  return rows.map(({ submission, billingAccount, ...row }) => ({ ...row, submission: { id: submission }, billingAccount: billingAccount ? { id: billingAccount } : null }) as unknown as Sample);
}
