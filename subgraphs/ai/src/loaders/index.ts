import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { labScope, labScopedByIdLoader, qualified, type Principal } from '@app/common';
import { ExtractionJob, ExtractionResult } from '../entities/index.js';
import type { DraftSample } from '../services/pdf/draft.js';
import { isUuid } from '../services/validation.js';

/**
 * Ids of the newest visible job per parent (sample or submission), in one query. A sample's jobs
 * are those made for it (`sample_id`) and the PDF job whose sample table it was created from
 * (`extraction_sample_link`, written from the submission subgraph's IntakeRowsCommitted).
 */
async function latestJobIds(em: EntityManager, schema: string, column: 'sample_id' | 'submission_id', parents: string[], scope: string | null) {
  const job = qualified(schema, 'extraction_job');
  const list = parents.map(() => '?').join(', ');
  const lab = scope === null ? '' : 'and j.lab_id = ?';
  const own = `select j.${column} as parent, j.id, j.created_at from ${job} j where j.${column} in (${list}) ${lab}`;
  const linked = `select l.sample_id as parent, j.id, j.created_at from ${qualified(schema, 'extraction_sample_link')} l join ${job} j on j.id = l.job_id
    where l.sample_id in (${list}) ${lab}`;
  const params = scope === null ? parents : [...parents, scope];
  const rows = await em.getConnection().execute<{ parent: string; id: string }[]>(
    `select distinct on (parent) parent, id from (${column === 'sample_id' ? `${own} union all ${linked}` : own}) as candidates
     order by parent, created_at desc, id desc`,
    column === 'sample_id' ? [...params, ...params] : params,
  );
  return new Map(rows.map((r) => [r.parent, r.id]));
}

/** The quote row each sample was created from, in one query, within the caller's lab; null for the others. */
function extractedSampleBy(em: EntityManager, schema: string, principal: Principal) {
  return new DataLoader<string, DraftSample | null>(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid))];
    if (!ids.length) return keys.map(() => null);
    const scope = labScope(principal);
    const rows = await em.getConnection().execute<{ sample_id: string; sample_number: string | null; samples: DraftSample[] | string }[]>(
      `select l.sample_id, l.sample_number, j.samples from ${qualified(schema, 'extraction_sample_link')} l
       join ${qualified(schema, 'extraction_job')} j on j.id = l.job_id
       where l.sample_id in (${ids.map(() => '?').join(', ')}) ${scope === null ? '' : 'and j.lab_id = ?'}`,
      scope === null ? ids : [...ids, scope],
    );
    const bySample = new Map(rows.map((r) => {
      const table = typeof r.samples === 'string' ? (JSON.parse(r.samples) as DraftSample[]) : r.samples;
      return [r.sample_id, table.find((s) => s.sampleNumber === r.sample_number) ?? null] as const;
    }));
    return keys.map((k) => bySample.get(k) ?? null);
  });
}

/** The newest job per parent id; ids that are not UUIDs cannot match and resolve to null. */
function latestJobBy(em: EntityManager, schema: string, column: 'sample_id' | 'submission_id', principal: Principal) {
  return new DataLoader<string, ExtractionJob | null>(async (keys) => {
    const parents = keys.filter(isUuid);
    const latest = parents.length ? await latestJobIds(em, schema, column, [...new Set(parents)], labScope(principal)) : new Map<string, string>();
    const jobs = latest.size ? await em.find(ExtractionJob, { id: { $in: [...latest.values()] } }) : [];
    const byId = new Map(jobs.map((j) => [j.id, j]));
    return keys.map((key) => byId.get(latest.get(key) ?? '') ?? null);
  });
}

/** Per-request DataLoaders; lab visibility is applied here so `__resolveReference` is covered too. */
export function createLoaders(em: EntityManager, principal: Principal, schema: string) {
  return {
    jobById: labScopedByIdLoader<ExtractionJob>(em, ExtractionJob, principal),
    resultById: labScopedByIdLoader<ExtractionResult>(em, ExtractionResult, principal, { populate: ['job'], labOf: (r) => r.job.labId }),
    /** Results of jobs already checked for visibility, in source order. */
    resultsByJobId: new DataLoader<string, ExtractionResult[]>(async (ids) => {
      const rows = await em.find(ExtractionResult, { job: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.job.id === id));
    }),
    latestJobBySampleId: latestJobBy(em, schema, 'sample_id', principal),
    /** The quote row a sample was created from (lab-scoped through its job). */
    extractedSampleBySampleId: extractedSampleBy(em, schema, principal),
    latestJobBySubmissionId: latestJobBy(em, schema, 'submission_id', principal),
  };
}
export type AiLoaders = ReturnType<typeof createLoaders>;
