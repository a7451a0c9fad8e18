import { randomUUID } from 'node:crypto';
import type { ClientInfo, Principal, Role, Via } from '../identity/principal.js';

/** Who caused an event, captured at the time (names change; the record must not). */
export interface EventActor {
  userId: string | null;
  role: Role | null;
  name: string | null;
  via: Via;
  tokenId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** What an event is about, plus the parents readers filter by. */
export interface EventSubject {
  type: string;
  id: string;
  sampleId?: string | null;
  submissionId?: string | null;
  labId?: string | null;
}

/** The envelope of every domain event (design.md §4). */
export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  /** Subgraph that emitted it. */
  source: string;
  occurredAt: string;
  actor: EventActor;
  subject: EventSubject;
  correlationId: string | null;
  data: T;
  /** Changed fields before and after, for updates. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

export interface EventOrigin {
  source: string;
  principal: Principal;
  client?: ClientInfo;
  correlationId?: string | null;
}

export interface NewEvent<T> {
  type: string;
  subject: EventSubject;
  data: T;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

export function createEvent<T>(origin: EventOrigin, event: NewEvent<T>, now: Date = new Date()): DomainEvent<T> {
  const { principal, client } = origin;
  return {
    id: randomUUID(),
    type: event.type,
    source: origin.source,
    occurredAt: now.toISOString(),
    actor: {
      userId: principal.userId, role: principal.role, name: principal.name, via: principal.via,
      tokenId: principal.tokenId, ip: client?.ip ?? null, userAgent: client?.userAgent ?? null,
    },
    subject: event.subject,
    correlationId: origin.correlationId ?? null,
    data: event.data,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason ?? null,
  };
}

/** Keeps only the fields whose values differ, so events carry what changed and nothing else. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Narrows unknown JSON to an envelope; consumers dead-letter what fails this. */
export function isDomainEvent(value: unknown): value is DomainEvent {
  const e = value as DomainEvent;
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.type === 'string' && typeof e.occurredAt === 'string' &&
    !!e.subject && typeof e.subject.id === 'string' && !!e.actor && typeof e.source === 'string';
}
