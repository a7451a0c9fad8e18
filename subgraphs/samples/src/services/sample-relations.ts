import { canSeeLab, type PlainJoin, type Principal } from '@app/common';
import { Project, Submission } from '../entities/index.js';

/** A sample's relations that can be read in the sample's own statement (a list page or a by-id batch). */
export interface SampleRelations { submission?: boolean; project?: boolean }

/** The joins for `relations`, under the row loaders' lab rule: a submission or project the caller may not see is null. */
export function sampleJoins(principal: Principal, relations: SampleRelations): PlainJoin[] {
  const visible = (row: Record<string, unknown>) => canSeeLab(principal, (row.labId as string | null) ?? null);
  return [
    ...(relations.submission ? [{ as: 'submission', entity: Submission, on: 'submission', visible }] : []),
    ...(relations.project ? [{ as: 'project', entity: Project, on: 'projectId', visible }] : []),
  ];
}
