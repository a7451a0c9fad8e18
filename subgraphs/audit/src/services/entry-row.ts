import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '@app/common';
import type { AuditCategory } from '../entities/enums.js';
import { categoryOf } from './categories.js';

/** An audit entry as stored (and as hashed): plain values, times as ISO strings. */
export interface EntryRow {
  seq: number;
  id: string;
  eventId: string;
  type: string;
  category: AuditCategory;
  source: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorName: string | null;
  actorVia: string;
  actorTokenId: string | null;
  actorIp: string | null;
  actorUserAgent: string | null;
  subjectType: string;
  subjectId: string;
  sampleId: string | null;
  submissionId: string | null;
  labId: string | null;
  data: unknown;
  before: unknown;
  after: unknown;
  reason: string | null;
  correlationId: string | null;
  occurredAt: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export type EntryContent = Omit<EntryRow, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
const obj = (v: unknown): unknown => (v === undefined ? null : v);

/** Checks what `isDomainEvent` does not; returns the problem or null. */
export function envelopeProblem(event: DomainEvent): string | null {
  if (Number.isNaN(new Date(event.occurredAt).getTime())) return `occurredAt is not a date-time: ${JSON.stringify(event.occurredAt)}`;
  if (typeof event.subject.type !== 'string' || !event.subject.type) return 'subject.type is missing';
  if (typeof event.actor.via !== 'string') return 'actor.via is missing';
  return null;
}

/** The content of an entry for an event, before it is placed in the chain. */
export function contentFromEvent(event: DomainEvent, recordedAt: Date): EntryContent {
  const { actor, subject } = event;
  return {
    id: randomUUID(), eventId: event.id, type: event.type, category: categoryOf(event.type), source: event.source,
    actorUserId: str(actor.userId), actorRole: str(actor.role), actorName: str(actor.name), actorVia: actor.via,
    actorTokenId: str(actor.tokenId), actorIp: str(actor.ip), actorUserAgent: str(actor.userAgent),
    subjectType: subject.type, subjectId: subject.id, sampleId: str(subject.sampleId), submissionId: str(subject.submissionId),
    labId: str(subject.labId), data: obj(event.data), before: obj(event.before), after: obj(event.after), reason: str(event.reason),
    correlationId: str(event.correlationId), occurredAt: new Date(event.occurredAt).toISOString(), recordedAt: recordedAt.toISOString(),
  };
}

/** JSON with object keys sorted at every level, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the previous hash, the sequence number and the canonical content. */
export function entryHash(prevHash: string, seq: number, content: EntryContent): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${canonicalJson(content)}`).digest('hex');
}

/** The hashed part of a stored row (everything but seq and the hashes). */
export function contentOf(row: EntryRow): EntryContent {
  const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = row;
  return content;
}

const COLUMNS: [keyof EntryRow, string][] = [
  ['seq', 'seq'], ['id', 'id'], ['eventId', 'event_id'], ['type', 'type'], ['category', 'category'], ['source', 'source'],
  ['actorUserId', 'actor_user_id'], ['actorRole', 'actor_role'], ['actorName', 'actor_name'], ['actorVia', 'actor_via'],
  ['actorTokenId', 'actor_token_id'], ['actorIp', 'actor_ip'], ['actorUserAgent', 'actor_user_agent'],
  ['subjectType', 'subject_type'], ['subjectId', 'subject_id'], ['sampleId', 'sample_id'], ['submissionId', 'submission_id'],
  ['labId', 'lab_id'], ['data', 'data'], ['before', 'before'], ['after', 'after'], ['reason', 'reason'],
  ['correlationId', 'correlation_id'], ['occurredAt', 'occurred_at'], ['recordedAt', 'recorded_at'], ['prevHash', 'prev_hash'], ['hash', 'hash'],
];
const JSON_COLUMNS = new Set(['data', 'before', 'after']);
const TIME_COLUMNS = new Set(['occurred_at', 'recorded_at']);

export const ENTRY_COLUMNS = COLUMNS.map(([, c]) => `"${c}"`).join(', ');

/** Values in ENTRY_COLUMNS order, for a parameterised insert. */
export function insertValues(row: EntryRow): unknown[] {
  return COLUMNS.map(([k, c]) => (JSON_COLUMNS.has(c) ? (row[k] === null ? null : JSON.stringify(row[k])) : row[k]));
}
export const INSERT_PLACEHOLDERS = COLUMNS.map(([, c]) => (JSON_COLUMNS.has(c) ? '?::jsonb' : '?')).join(', ');

/** A database row (snake_case, as the driver returns it) as an EntryRow. */
export function rowFromDb(db: Record<string, unknown>): EntryRow {
  const row: Record<string, unknown> = {};
  for (const [k, c] of COLUMNS) {
    const v = db[c];
    if (c === 'seq') row[k] = Number(v);
    else if (TIME_COLUMNS.has(c)) row[k] = v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
    else if (JSON_COLUMNS.has(c)) row[k] = typeof v === 'string' ? JSON.parse(v) : (v ?? null);
    else row[k] = v ?? null;
  }
  return row as unknown as EntryRow;
}
