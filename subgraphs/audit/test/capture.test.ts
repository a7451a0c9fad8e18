import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createTestBus, startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { auditSubgraph } from '../src/server.js';
import { admin, entryCount, makeEvent, sql, waitForEntries } from './helpers.js';

let sg: TestSubgraph;
const bus = createTestBus();
const staff = userPrincipal('STAFF', { name: 'Sam Staff' });

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph, { bus });
});
afterAll(async () => {
  await sg.stop();
  await bus.close();
});

const ENTRY = `#graphql
  query($f: AuditEntryFilter) { auditEntries(filter: $f) { totalCount edges { node {
    seq eventId type category source reason correlationId occurredAt recordedAt hash prevHash before after data
    actor { userId role name via apiTokenId ip userAgent user { id } }
    subject { type id sampleId submissionId labId } } } } }`;

/** Publishes garbage the way a broken producer would: raw on the Redis stream, or a bare object in-process. */
async function publishGarbage(payload: string, inProcess: unknown): Promise<void> {
  if (bus.kind === 'redis') {
    const client = new Redis(process.env.REDIS_URL!);
    await client.xadd(bus.stream, '*', 'event', payload);
    client.disconnect();
  } else {
    await bus.publish(inProcess as DomainEvent);
  }
}

describe('capture', () => {
  it('records an event with the actor, subject, before/after, reason and times it carried', async () => {
    const sampleId = randomUUID();
    const at = new Date('2026-03-04T05:06:07.089Z');
    const event = makeEvent('SampleUpdated', { id: sampleId, sampleId, submissionId: 'sub-1', labId: 'lab-a' },
      { actor: { ...staff, tokenId: 'tok-1', via: 'API' }, at, before: { name: 'A' }, after: { name: 'B' }, reason: 'typo' });
    await bus.publish(event);
    await waitForEntries(sg, 1);
    const res = await sg.call(ENTRY, { f: { sampleId } }, admin);
    expect(res.errors).toBeUndefined();
    const node = res.data!.auditEntries.edges[0].node;
    expect(node).toMatchObject({
      eventId: event.id, type: 'SampleUpdated', category: 'DATA', source: 'samples', reason: 'typo', correlationId: event.correlationId,
      occurredAt: at.toISOString(), before: { name: 'A' }, after: { name: 'B' }, data: { note: 'x' },
      actor: { userId: staff.userId, role: 'STAFF', name: 'Sam Staff', via: 'API', apiTokenId: 'tok-1', ip: '10.0.0.7', userAgent: 'browser/1', user: { id: staff.userId } },
      subject: { type: 'Sample', id: sampleId, sampleId, submissionId: 'sub-1', labId: 'lab-a' },
    });
    expect(node.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(node.recordedAt).getTime()).toBeGreaterThanOrEqual(new Date(node.occurredAt).getTime());
  });

  it('records an event once even when it is delivered twice', async () => {
    const before = await entryCount(sg);
    const event = makeEvent('SampleArchived');
    await bus.publish(event);
    await bus.publish(event);
    const marker = makeEvent('SampleAssigned');
    await bus.publish(marker);
    await waitForEntries(sg, before + 2);
    const rows = await sql<{ n: number }>(sg, 'select count(*)::int as n from "audit"."audit_entry" where event_id = ?', [event.id]);
    expect(rows[0]!.n).toBe(1);
    expect(await entryCount(sg)).toBe(before + 2);
  });

  it('derives the category from the type', async () => {
    const login = makeEvent('LoginFailed', { type: 'User', id: randomUUID() });
    const role = makeEvent('UserRoleChanged', { type: 'User', id: randomUUID() }, { before: { role: 'VIEWER' }, after: { role: 'STAFF' } });
    await bus.publish(login);
    await bus.publish(role);
    await waitFor(async () => (await sql(sg, 'select 1 from "audit"."audit_entry" where event_id in (?, ?)', [login.id, role.id])).length === 2, { what: 'both entries' });
    const res = await sg.call(ENTRY, { f: { types: ['LoginFailed', 'UserRoleChanged'] } }, admin);
    const byType = Object.fromEntries(res.data!.auditEntries.edges.map((e: any) => [e.node.type, e.node.category]));
    expect(byType).toEqual({ LoginFailed: 'SECURITY', UserRoleChanged: 'ACCESS_CONTROL' });
  });

  it('dead-letters unparseable and invalid deliveries with the reason, visible to admins only', async () => {
    const entriesBefore = await entryCount(sg);
    await publishGarbage('{not json', { id: 'garbage-1', payload: 'no type' });
    const invalid = { ...makeEvent('SampleUpdated'), occurredAt: 'yesterday-ish' };
    await bus.publish(invalid);
    const q = `{ deadLetters(first: 10) { totalCount edges { node { id consumerGroup eventId eventType raw reason receivedAt } } } }`;
    const res = await waitFor(async () => {
      const r = await sg.call(q, {}, admin);
      return r.data?.deadLetters.totalCount >= 2 ? r : null;
    }, { what: 'two dead letters' });
    const nodes = res.data!.deadLetters.edges.map((e: any) => e.node);
    expect(nodes.every((n: any) => n.consumerGroup === 'audit')).toBe(true);
    expect(nodes.find((n: any) => n.eventId === invalid.id)).toMatchObject({ eventType: 'SampleUpdated', reason: expect.stringContaining('occurredAt') });
    const garbage = nodes.find((n: any) => n.eventId !== invalid.id);
    expect(garbage.reason).toMatch(bus.kind === 'redis' ? /unparseable JSON/ : /not a domain event/);
    expect(await entryCount(sg)).toBe(entriesBefore);
    expect((await sg.call(q, {}, staff)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('dead-letters an event whose values the database cannot store, instead of retrying it forever', async () => {
    const event = makeEvent('SampleUpdated', { labId: 'x'.repeat(150) });
    await bus.publish(event);
    const [letter] = await waitFor(async () => {
      const rows = await sql<{ reason: string }>(sg, 'select reason from "audit"."dead_letter_event" where event_id = ?', [event.id]);
      return rows.length ? rows : null;
    }, { what: 'dead letter for an oversized value' });
    expect(letter!.reason).toBe('cannot be stored: value too long for type character varying(100)');
    const next = makeEvent('SampleUpdated');
    await bus.publish(next);
    await waitFor(async () => (await sql(sg, 'select 1 from "audit"."audit_entry" where event_id = ?', [next.id])).length === 1, { what: 'the next event is still recorded' });
  });
});
