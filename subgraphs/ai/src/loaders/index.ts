import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { labScope, labScopedByIdLoader, qualified, type Principal } from '@app/common';
import { ExtractionJob, ExtractionResult } from '../entities/index.js';
import { isUuid } from '../services/validation.js';

/** Ids of the newest visible job per parent (sample or submission), in one query. */
async function latestJobIds(em: EntityManager, schema: string, column: 'sample_id' | 'submission_id', parents: string[], scope: string | null) {
  const rows = await em.getConnection().execute<{ parent: string; id: string }[]>(
    `select distinct on (${column}) ${column} as parent, id from ${qualified(schema, 'extraction_job')}
     where ${column} in (${parents.map(() => '?').join(', ')}) ${scope === null ? '' : 'and lab_id = ?'}
     order by ${column}, created_at desc, id desc`,
    scope === null ? parents : [...parents, scope],
  );
  return new Map(rows.map((r) => [r.parent, r.id]));
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
    latestJobBySubmissionId: latestJobBy(em, schema, 'submission_id', principal),
  };
}
export type AiLoaders = ReturnType<typeof createLoaders>;
