import { labScope, requireRead, type Principal } from '@app/common';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * Which entries (alias `e`) the caller may read. ADMIN (and services) see everything. STAFF and
 * VIEWER see DATA entries about a sample or submission in any lab; a SUBMITTER sees those of their
 * own lab only. Security and access-control entries are for admins. API tokens need audit:read.
 */
export function visibleEntries(principal: Principal): SqlPart {
  requireRead(principal, 'audit:read');
  if (principal.kind === 'service' || principal.role === 'ADMIN') return { sql: 'true', params: [] };
  const related = `e.category = 'DATA' and (e.sample_id is not null or e.submission_id is not null)`;
  const lab = labScope(principal);
  return lab === null ? { sql: related, params: [] } : { sql: `${related} and e.lab_id = ?`, params: [lab] };
}

/** Joins parts with AND. */
export function and(parts: SqlPart[]): SqlPart {
  const used = parts.filter((p) => p.sql !== 'true');
  if (used.length === 0) return { sql: 'true', params: [] };
  return { sql: used.map((p) => `(${p.sql})`).join(' and '), params: used.flatMap((p) => p.params) };
}
