import { ValidationError } from '@app/common';
import { AuditCategories, type AuditCategory } from '../entities/enums.js';
import type { SqlPart } from './visibility.js';

export interface AuditEntryFilter {
  subjectType?: string | null;
  subjectId?: string | null;
  sampleId?: string | null;
  submissionId?: string | null;
  actorUserId?: string | null;
  types?: string[] | null;
  categories?: AuditCategory[] | null;
  from?: Date | null;
  to?: Date | null;
  text?: string | null;
}

const MAX_TYPES = 50;
const MAX_TEXT = 200;
const MAX_ID = 100;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filter as SQL over alias `e`, every input checked and bounded. */
export function filterSql(filter: AuditEntryFilter | null | undefined): SqlPart {
  const f = filter ?? {};
  const clauses: string[] = [];
  const params: unknown[] = [];
  const equals: [keyof AuditEntryFilter, string][] = [
    ['subjectType', 'subject_type'], ['subjectId', 'subject_id'], ['sampleId', 'sample_id'], ['submissionId', 'submission_id'], ['actorUserId', 'actor_user_id'],
  ];
  for (const [key, column] of equals) {
    const value = f[key] as string | null | undefined;
    if (value === null || value === undefined) continue;
    if (value.length === 0 || value.length > MAX_ID) throw ValidationError.field(`filter.${key}`, `must be 1-${MAX_ID} characters`);
    clauses.push(`e.${column} = ?`);
    params.push(value);
  }
  if (f.types?.length) {
    if (f.types.length > MAX_TYPES) throw ValidationError.field('filter.types', `at most ${MAX_TYPES} types`);
    clauses.push(`e.type in (${f.types.map(() => '?').join(', ')})`);
    params.push(...f.types);
  }
  if (f.categories?.length) {
    const bad = f.categories.find((c) => !AuditCategories.includes(c));
    if (bad) throw ValidationError.field('filter.categories', `unknown category ${bad}`);
    clauses.push(`e.category in (${f.categories.map(() => '?').join(', ')})`);
    params.push(...f.categories);
  }
  if (f.from && f.to && f.from > f.to) throw ValidationError.field('filter.to', 'must not be before filter.from');
  if (f.from) { clauses.push('e.occurred_at >= ?'); params.push(f.from); }
  if (f.to) { clauses.push('e.occurred_at <= ?'); params.push(f.to); }
  if (f.text !== null && f.text !== undefined) {
    const text = f.text.trim();
    if (text.length === 0 || text.length > MAX_TEXT) throw ValidationError.field('filter.text', `must be 1-${MAX_TEXT} characters`);
    const pattern = `%${escapeLike(text)}%`;
    clauses.push(`(e.type ilike ? or e.actor_name ilike ? or e.reason ilike ?)`);
    params.push(pattern, pattern, pattern);
  }
  return clauses.length ? { sql: clauses.join(' and '), params } : { sql: 'true', params: [] };
}
