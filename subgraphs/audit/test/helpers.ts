import { randomUUID } from 'node:crypto';
import { createEvent, type DomainEvent, type EventSubject, type Principal } from '@app/common';
import { userPrincipal, waitFor, type TestSubgraph } from '@app/testing';

export const admin = userPrincipal('ADMIN', { name: 'Ada Admin' });

/** A domain event as another subgraph would emit it. */
export function makeEvent(type: string, subject: Partial<EventSubject> = {}, options: { actor?: Principal; at?: Date; before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string; data?: Record<string, unknown> } = {}): DomainEvent {
  return createEvent({ source: 'samples', principal: options.actor ?? admin, client: { ip: '10.0.0.7', userAgent: 'browser/1' }, correlationId: randomUUID() }, {
    type, subject: { type: 'Sample', id: randomUUID(), ...subject }, data: options.data ?? { note: 'x' },
    before: options.before ?? null, after: options.after ?? null, reason: options.reason ?? null,
  }, options.at) as DomainEvent;
}

/** Raw SQL against the subgraph's database (outside any transaction). */
export async function sql<T = Record<string, unknown>>(sg: TestSubgraph, text: string, params: unknown[] = []): Promise<T[]> {
  return sg.running.orm.em.fork().getConnection().execute<T[]>(text, params, 'all') as Promise<T[]>;
}

export async function entryCount(sg: TestSubgraph): Promise<number> {
  const [row] = await sql<{ n: number }>(sg, 'select count(*)::int as n from "audit"."audit_entry"');
  return row!.n;
}

export async function waitForEntries(sg: TestSubgraph, n: number, what = `${n} audit entries`): Promise<void> {
  await waitFor(async () => (await entryCount(sg)) >= n, { what, timeoutMs: 60_000 });
}

export async function publishAll(sg: TestSubgraph, events: DomainEvent[]): Promise<void> {
  for (const e of events) await sg.bus.publish(e);
}
