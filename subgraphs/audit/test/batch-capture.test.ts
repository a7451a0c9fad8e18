import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseDelivery, type DomainEvent } from '@app/common';
import { captureLogger, startTestSubgraph, type TestSubgraph } from '@app/testing';
import { auditSubgraph } from '../src/server.js';
import { loadAuditConfig } from '../src/config.js';
import { AuditCapture } from '../src/services/capture.js';
import { GENESIS_HASH } from '../src/services/entry-row.js';
import { admin, entryCount, makeEvent, sql } from './helpers.js';

// The batch path of the consumer, driven with exact batches: one transaction per batch, entries in
// delivery order on one chain, idempotent by event id, and nothing unusable blocks the others.
let sg: TestSubgraph;
let capture: AuditCapture;

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph, { env: { AUDIT_CHECKPOINT_INTERVAL: '10' } });
  capture = new AuditCapture({
    config: loadAuditConfig({ AUDIT_CHECKPOINT_INTERVAL: '10' }), orm: sg.running.orm, schema: 'audit', bus: sg.bus, relay: sg.running.relay,
    logger: captureLogger('audit', 'info').logger, now: () => new Date(),
  });
});
afterAll(() => sg.stop());

const deliveries = (events: (DomainEvent | string)[]) => events.map((e) => parseDelivery(typeof e === 'string' ? e : JSON.stringify(e)));
const chain = () => sql<{ seq: string; event_id: string; prev_hash: string; hash: string }>(sg, 'select seq, event_id, prev_hash, hash from "audit"."audit_entry" order by seq');

describe('batch capture', () => {
  it('records a batch in delivery order as consecutive links of the chain, once per event id, with checkpoints inside the batch', async () => {
    const events = Array.from({ length: 12 }, (_, i) => makeEvent('SampleUpdated', {}, { after: { i } }));
    await capture.handleBatch(deliveries([events[0]!]));
    // events[0] is already recorded and events[3] comes twice: both are skipped.
    await capture.handleBatch(deliveries([...events, events[3]!]));
    const rows = await chain();
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash));
    const [head] = await sql<{ last_seq: string; last_hash: string }>(sg, 'select last_seq, last_hash from "audit"."audit_chain_head"');
    expect([Number(head!.last_seq), head!.last_hash]).toEqual([12, rows[11]!.hash]);
    const checkpoints = await sql<{ seq: string; hash: string }>(sg, 'select seq, hash from "audit"."audit_checkpoint"');
    expect(checkpoints.map((c) => [Number(c.seq), c.hash])).toEqual([[10, rows[9]!.hash]]);

    // The same batch delivered again (a lost ack) changes nothing.
    await capture.handleBatch(deliveries(events));
    expect(await entryCount(sg)).toBe(12);
    expect((await sg.call(`{ verifyAuditChain { valid checked } }`, {}, admin)).data!.verifyAuditChain).toEqual({ valid: true, checked: 12 });
  });

  it('dead-letters what cannot be recorded and records the rest of the batch', async () => {
    const before = await entryCount(sg);
    const good = [makeEvent('SampleAssigned'), makeEvent('SampleArchived'), makeEvent('SampleUpdated')];
    const invalid = { ...makeEvent('SampleUpdated'), occurredAt: 'not a time' };
    const tooLong = makeEvent('SampleUpdated', { labId: 'y'.repeat(150) });
    await capture.handleBatch(deliveries([good[0]!, '{garbage', invalid, good[1]!, tooLong, good[2]!]));
    const rows = await chain();
    expect(rows.slice(before).map((r) => r.event_id)).toEqual(good.map((e) => e.id));
    const letters = await sql<{ event_id: string | null; reason: string }>(sg, 'select event_id, reason from "audit"."dead_letter_event" order by id');
    expect(letters.map((l) => [l.event_id, l.reason.split(':')[0]])).toEqual([
      [null, 'unparseable JSON'], [invalid.id, 'occurredAt is not a date-time'], [tooLong.id, 'cannot be stored'],
    ]);
  });
});
