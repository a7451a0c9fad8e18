import { afterPosition, orderOf, positionOf, SYSTEM, type Principal, type SortKey } from '@app/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Project, Sample, Submission } from '../entities/index.js';
import type { ExportKind } from '../entities/enums.js';
import { projectWhere, sampleWhere, submissionWhere } from '../services/filters.js';
import type { Cell, Column } from './columns.js';

const ENTITY = { SAMPLES: Sample, SUBMISSIONS: Submission, PROJECTS: Project } as const;
const byDateThenId = (field: string): SortKey[] => [{ field, dir: 'asc', kind: 'date' }, { field: 'id', dir: 'asc', kind: 'string' }];
const ORDER: Record<ExportKind, SortKey[]> = { SAMPLES: byDateThenId('submittedAt'), SUBMISSIONS: byDateThenId('createdAt'), PROJECTS: byDateThenId('createdAt') };
export const NAMES: Record<ExportKind, { root: string; element: string; file: string }> = {
  SAMPLES: { root: 'samples', element: 'sample', file: 'samples' },
  SUBMISSIONS: { root: 'submissions', element: 'submission', file: 'submissions' },
  PROJECTS: { root: 'projects', element: 'project', file: 'projects' },
};

/** The caller an export acts for: a lab-confined submitter or everyone-visible staff (stored on the job). */
export function exportPrincipal(labScope: string | null): Principal {
  return labScope === null ? SYSTEM : { ...SYSTEM, kind: 'user', role: 'SUBMITTER', labId: labScope };
}

export function whereFor(kind: ExportKind, principal: Principal, filter: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'SAMPLES') return sampleWhere(principal, filter);
  if (kind === 'SUBMISSIONS') return submissionWhere(principal, filter);
  return projectWhere(principal, filter);
}

export async function countRows(orm: MikroORM, kind: ExportKind, where: Record<string, unknown>): Promise<number> {
  return orm.em.fork().count(ENTITY[kind] as never, where as never);
}

/**
 * Yields rows as cell arrays in keyset batches, holding one batch at a time: memory stays flat
 * however many rows there are.
 */
export async function* exportRows(orm: MikroORM, kind: ExportKind, where: Record<string, unknown>, columns: Column[], batchSize: number): AsyncGenerator<Cell[][]> {
  const keys = ORDER[kind];
  let position: unknown[] | null = null;
  for (;;) {
    // Plain rows (property names, no entity hydration): exports never write back, and hydrating
    // thousands of entities per batch costs more than the query.
    const rows: object[] = await orm.em.fork().createQueryBuilder(ENTITY[kind] as never)
      .where({ $and: [where, afterPosition(keys, position)] } as never).orderBy(orderOf(keys) as never).limit(batchSize)
      .execute<object[]>('all', true);
    if (rows.length === 0) return;
    yield rows.map((row: object) => columns.map((c) => c.get(row)));
    if (rows.length < batchSize) return;
    position = positionOf(rows.at(-1)!, keys).map((v, i) => (keys[i]!.kind === 'date' ? new Date(v as string) : v));
  }
}
