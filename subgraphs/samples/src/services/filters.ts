import { isUuid, labScope, ValidationError, type Principal, type SortKey } from '@app/common';
import type {
  FlowCellDevice, MaterialType, PoreChemistry, Priority, ProjectStatus, SampleStatus, SampleType, SubmissionStatus,
} from '../entities/enums.js';

type Where = Record<string, unknown>;
const MAX_LIST = 20;
const MAX_SEARCH = 100;

export interface SampleFilter {
  status?: SampleStatus[] | null;
  priority?: Priority[] | null;
  sampleType?: SampleType[] | null;
  materialType?: MaterialType[] | null;
  labId?: string | null;
  projectId?: string | null;
  submissionId?: string | null;
  assigneeId?: string | null;
  unassigned?: boolean | null;
  flowCellDevice?: FlowCellDevice[] | null;
  poreChemistry?: PoreChemistry[] | null;
  isControl?: boolean | null;
  submittedFrom?: Date | string | null;
  submittedTo?: Date | string | null;
  updatedFrom?: Date | string | null;
  updatedTo?: Date | string | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

export interface SubmissionFilter {
  status?: SubmissionStatus[] | null;
  priority?: Priority[] | null;
  labId?: string | null;
  projectId?: string | null;
  submitterId?: string | null;
  billingAccountId?: string | null;
  createdFrom?: Date | string | null;
  createdTo?: Date | string | null;
  receivedFrom?: Date | string | null;
  receivedTo?: Date | string | null;
  search?: string | null;
}

export interface ProjectFilter {
  status?: ProjectStatus[] | null;
  labId?: string | null;
  ownerId?: string | null;
  createdFrom?: Date | string | null;
  createdTo?: Date | string | null;
  search?: string | null;
}

function list<T>(field: string, values: T[] | null | undefined): Where {
  if (!values || values.length === 0) return {};
  if (values.length > MAX_LIST) throw ValidationError.field(`filter.${field}`, `may list at most ${MAX_LIST} values`);
  return { [field]: { $in: values } };
}

function id(field: string, column: string, value: string | null | undefined): Where {
  if (value === null || value === undefined) return {};
  if (!isUuid(value)) throw ValidationError.field(`filter.${field}`, 'must be an id (UUID)');
  return { [column]: value };
}

function toDate(field: string, value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw ValidationError.field(`filter.${field}`, 'must be an ISO-8601 date-time');
  return date;
}

function range(column: string, fromField: string, from: Date | string | null | undefined, toField: string, to: Date | string | null | undefined): Where {
  const cond: Record<string, Date> = {};
  if (from) cond.$gte = toDate(fromField, from);
  if (to) cond.$lte = toDate(toField, to);
  if (cond.$gte && cond.$lte && cond.$gte > cond.$lte) throw ValidationError.field(`filter.${fromField}`, `must not be after ${toField}`);
  return Object.keys(cond).length ? { [column]: cond } : {};
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Search term: contained in the indexed search text, or an exact id when it is a UUID. */
function search(value: string | null | undefined, idColumns: string[]): Where {
  const term = value?.trim().toLowerCase();
  if (!term) return {};
  if (term.length > MAX_SEARCH) throw ValidationError.field('filter.search', `must be at most ${MAX_SEARCH} characters`);
  if (isUuid(term)) return { $or: idColumns.map((c) => ({ [c]: term })) };
  return { searchText: { $like: likeContains(term) } };
}

/** Submitters see only their lab: the scope is ANDed with whatever lab the filter names (sample-counts.ts scopes counters with it too). */
export function lab(principal: Principal, labId: string | null | undefined): Where[] {
  const scope = labScope(principal);
  return [scope ? { labId: scope } : {}, labId ? { labId } : {}];
}

const and = (parts: Where[]): Where => {
  const nonEmpty = parts.filter((p) => Object.keys(p).length > 0);
  return nonEmpty.length === 0 ? {} : { $and: nonEmpty };
};

export function sampleWhere(principal: Principal, f: SampleFilter = {}): Where {
  return and([
    ...lab(principal, f.labId),
    list('status', f.status), list('priority', f.priority), list('sampleType', f.sampleType), list('materialType', f.materialType),
    list('flowCellDevice', f.flowCellDevice), list('poreChemistry', f.poreChemistry),
    id('projectId', 'projectId', f.projectId), id('submissionId', 'submission', f.submissionId), id('assigneeId', 'assigneeId', f.assigneeId),
    f.unassigned === true ? { assigneeId: null } : f.unassigned === false ? { assigneeId: { $ne: null } } : {},
    typeof f.isControl === 'boolean' ? { isControl: f.isControl } : {},
    f.includeArchived ? {} : { archivedAt: null },
    range('submittedAt', 'submittedFrom', f.submittedFrom, 'submittedTo', f.submittedTo),
    range('updatedAt', 'updatedFrom', f.updatedFrom, 'updatedTo', f.updatedTo),
    search(f.search, ['id', 'submission', 'projectId']),
  ]);
}

export function submissionWhere(principal: Principal, f: SubmissionFilter = {}): Where {
  return and([
    ...lab(principal, f.labId),
    list('status', f.status), list('priority', f.priority),
    id('projectId', 'project', f.projectId), id('submitterId', 'submitterId', f.submitterId), id('billingAccountId', 'billingAccount', f.billingAccountId),
    range('createdAt', 'createdFrom', f.createdFrom, 'createdTo', f.createdTo),
    range('receivedAt', 'receivedFrom', f.receivedFrom, 'receivedTo', f.receivedTo),
    search(f.search, ['id', 'project']),
  ]);
}

export function projectWhere(principal: Principal, f: ProjectFilter = {}): Where {
  return and([
    ...lab(principal, f.labId),
    list('status', f.status), id('ownerId', 'ownerId', f.ownerId),
    range('createdAt', 'createdFrom', f.createdFrom, 'createdTo', f.createdTo),
    search(f.search, ['id']),
  ]);
}

export type Direction = 'ASC' | 'DESC';
export interface Order<F extends string> { field: F; direction?: Direction | null }

const dir = (d: Direction | null | undefined, fallback: 'asc' | 'desc'): 'asc' | 'desc' => (d ? (d === 'ASC' ? 'asc' : 'desc') : fallback);
const flip = (d: 'asc' | 'desc'): 'asc' | 'desc' => (d === 'asc' ? 'desc' : 'asc');
const idKey = (d: 'asc' | 'desc'): SortKey => ({ field: 'id', dir: d, kind: 'string' });

export type SampleOrderField = 'SUBMITTED_AT' | 'PRIORITY' | 'NAME' | 'STATUS';

/** Sort keys for a sample list; every ordering ends in the id so the keyset is total. */
export function sampleOrder(order?: Order<SampleOrderField> | null): SortKey[] {
  const field = order?.field ?? 'SUBMITTED_AT';
  switch (field) {
    case 'NAME': { const d = dir(order?.direction, 'asc'); return [{ field: 'name', dir: d, kind: 'string' }, idKey(d)]; }
    // Priority DESC means most urgent first, which is the lowest rank.
    case 'PRIORITY': { const d = flip(dir(order?.direction, 'desc')); return [{ field: 'priorityRank', dir: d, kind: 'number' }, { field: 'submittedAt', dir: 'asc', kind: 'date' }, idKey('asc')]; }
    case 'STATUS': { const d = dir(order?.direction, 'asc'); return [{ field: 'statusRank', dir: d, kind: 'number' }, { field: 'submittedAt', dir: d, kind: 'date' }, idKey(d)]; }
    default: { const d = dir(order?.direction, 'desc'); return [{ field: 'submittedAt', dir: d, kind: 'date' }, idKey(d)]; }
  }
}

/** The work queue: waiting samples, urgent → high → normal → low, then oldest first. */
export const QUEUE_ORDER: SortKey[] = [
  { field: 'priorityRank', dir: 'asc', kind: 'number' }, { field: 'submittedAt', dir: 'asc', kind: 'date' }, idKey('asc'),
];

export type SubmissionOrderField = 'CREATED_AT' | 'NUMBER' | 'STATUS';
export function submissionOrder(order?: Order<SubmissionOrderField> | null): SortKey[] {
  const field = order?.field ?? 'CREATED_AT';
  if (field === 'NUMBER') { const d = dir(order?.direction, 'asc'); return [{ field: 'number', dir: d, kind: 'string' }, idKey(d)]; }
  if (field === 'STATUS') { const d = dir(order?.direction, 'asc'); return [{ field: 'status', dir: d, kind: 'string' }, { field: 'createdAt', dir: d, kind: 'date' }, idKey(d)]; }
  const d = dir(order?.direction, 'desc');
  return [{ field: 'createdAt', dir: d, kind: 'date' }, idKey(d)];
}

export type ProjectOrderField = 'CREATED_AT' | 'NAME';
export function projectOrder(order?: Order<ProjectOrderField> | null): SortKey[] {
  if (order?.field === 'NAME') { const d = dir(order.direction, 'asc'); return [{ field: 'name', dir: d, kind: 'string' }, idKey(d)]; }
  const d = dir(order?.direction, 'desc');
  return [{ field: 'createdAt', dir: d, kind: 'date' }, idKey(d)];
}
