import { describe, expect, it } from '@jest/globals';
import { InProcessBus, SYSTEM, createEvent, type Delivery, type DomainEvent } from '../src/index.js';
import { captureLogger, waitFor } from '@app/testing';

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const numberOf = (d: Delivery) => (d.event!.data as { n: number }).n;
const quietBus = () => new InProcessBus(captureLogger('bus', 'info').logger, 10_000, 1);

describe('InProcessBus', () => {
  it('handles each event once per consumer group, spread over the group members', async () => {
    const bus = quietBus();
    const byMember: number[][] = [[], [], []];
    const other: number[] = [];
    for (const list of byMember) await bus.subscribe({ group: 'audit', handler: async (d) => { list.push(numberOf(d)); } });
    await bus.subscribe({ group: 'notify', handler: async (d) => { other.push(numberOf(d)); } });
    for (let n = 1; n <= 9; n++) await bus.publish(event(n));
    expect(byMember.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Every member did some of the work.
    expect(byMember.every((list) => list.length > 0)).toBe(true);
    expect(other).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await bus.close();
  });

  it('hands a group only the types its members name (all of them, when two members name different ones)', async () => {
    const bus = quietBus();
    const typed = (n: number, type: string) => ({ ...event(n), type }) as DomainEvent;
    const seen: string[][] = [[], [], []];
    const record = (list: string[]) => async (d: Delivery) => { list.push(`${d.event!.type}-${numberOf(d)}`); };
    await bus.subscribe({ group: 'typed', types: ['A'], handler: record(seen[0]!) });
    await bus.subscribe({ group: 'batch', types: ['B'], batchHandler: async (batch) => { for (const d of batch) await record(seen[1]!)(d); } });
    await bus.subscribe({ group: 'union', types: ['A'], handler: record(seen[2]!) });
    await bus.subscribe({ group: 'union', types: ['C'], handler: record(seen[2]!) });
    await bus.publishAll([typed(1, 'A'), typed(2, 'B'), typed(3, 'C'), typed(4, 'A')]);
    expect(seen).toEqual([['A-1', 'A-4'], ['B-2'], ['A-1', 'C-3', 'A-4']]);
    await bus.close();
  });

  it('gives a durable group that subscribes late the events published before it', async () => {
    const bus = quietBus();
    for (let n = 1; n <= 3; n++) await bus.publish(event(n));
    const seen: number[] = [];
    await bus.subscribe({ group: 'late', handler: async (d) => { seen.push(numberOf(d)); } });
    await bus.publish(event(4));
    expect(seen).toEqual([1, 2, 3, 4]);
    await bus.close();
  });

  it('buffers events for a durable group with no live member and delivers them when a member returns', async () => {
    const bus = quietBus();
    const first: number[] = [];
    const sub = await bus.subscribe({ group: 'search', handler: async (d) => { first.push(numberOf(d)); } });
    await bus.publish(event(1));
    await sub.close();
    await bus.publish(event(2));
    await bus.publish(event(3));
    expect(first).toEqual([1]);
    const second: number[] = [];
    await bus.subscribe({ group: 'search', handler: async (d) => { second.push(numberOf(d)); } });
    expect(second).toEqual([2, 3]);
    await bus.publish(event(4));
    expect(second).toEqual([2, 3, 4]);
    await bus.close();
  });

  it('an ephemeral subscription sees only later events, and each ephemeral subscriber sees all of them', async () => {
    const bus = quietBus();
    await bus.publish(event(1));
    const a: number[] = [];
    const b: number[] = [];
    const subA = await bus.subscribe({ group: 'live', ephemeral: true, handler: async (d) => { a.push(numberOf(d)); } });
    const subB = await bus.subscribe({ group: 'live', ephemeral: true, handler: async (d) => { b.push(numberOf(d)); } });
    await bus.publish(event(2));
    await bus.publish(event(3));
    expect(a).toEqual([2, 3]);
    expect(b).toEqual([2, 3]);
    await subA.close();
    await subB.close();
    // Nothing is buffered for a closed ephemeral subscription.
    await bus.publish(event(4));
    const c: number[] = [];
    await bus.subscribe({ group: 'live', ephemeral: true, handler: async (d) => { c.push(numberOf(d)); } });
    await bus.publish(event(5));
    expect([a, b, c]).toEqual([[2, 3], [2, 3], [5]]);
    await bus.close();
  });

  it('an ephemeral subscription does not join (or steal from) a durable group of the same name', async () => {
    const bus = quietBus();
    const durable: number[] = [];
    const live: number[] = [];
    await bus.subscribe({ group: 'samples', handler: async (d) => { durable.push(numberOf(d)); } });
    await bus.subscribe({ group: 'samples', ephemeral: true, handler: async (d) => { live.push(numberOf(d)); } });
    for (let n = 1; n <= 4; n++) await bus.publish(event(n));
    expect(durable).toEqual([1, 2, 3, 4]);
    expect(live).toEqual([1, 2, 3, 4]);
    await bus.close();
  });

  it('retries a handler that fails transiently', async () => {
    const bus = quietBus();
    let calls = 0;
    const done: number[] = [];
    await bus.subscribe({ group: 'flaky', handler: async (d) => {
      calls++;
      if (calls < 3) throw new Error('database busy');
      done.push(numberOf(d));
    } });
    await expect(bus.publish(event(1))).resolves.toBeUndefined();
    expect(calls).toBe(3);
    expect(done).toEqual([1]);
    await bus.close();
  });

  it('rejects publish when a group keeps failing, after the healthy groups handled it', async () => {
    const { logger, lines } = captureLogger('bus', 'info');
    const bus = new InProcessBus(logger, 10_000, 1);
    let attempts = 0;
    const healthy: number[] = [];
    await bus.subscribe({ group: 'broken', handler: async () => { attempts++; throw new Error('always'); } });
    await bus.subscribe({ group: 'healthy', handler: async (d) => { healthy.push(numberOf(d)); } });
    const e = event(1);
    await expect(bus.publish(e)).rejects.toThrow(`event ${e.id} not handled by broken`);
    expect(attempts).toBeGreaterThan(1);
    expect(healthy).toEqual([1]);
    expect(lines.join('')).toContain('event handler failed; retrying');
    await bus.close();
  });

  it('publishAll hands a batch group the events as one run, and a single-event group each in order', async () => {
    const bus = quietBus();
    const runs: number[][] = [];
    const single: number[] = [];
    await bus.subscribe({ group: 'batched', batchSize: 100, batchHandler: async (ds) => { runs.push(ds.map(numberOf)); } });
    await bus.subscribe({ group: 'single', handler: async (d) => { single.push(numberOf(d)); } });
    await bus.publishAll([1, 2, 3, 4, 5].map(event));
    expect(runs).toEqual([[1, 2, 3, 4, 5]]);
    expect(single).toEqual([1, 2, 3, 4, 5]);
    await bus.close();
  });

  it('publishAll rejects when a group cannot handle one of the events, and that group sees none after it', async () => {
    const bus = quietBus();
    const seen: number[] = [];
    await bus.subscribe({ group: 'picky', handler: async (d) => { if (numberOf(d) === 2) throw new Error('no'); seen.push(numberOf(d)); } });
    await expect(bus.publishAll([1, 2, 3].map(event))).rejects.toThrow(/3 events not handled by picky/);
    expect(seen).toEqual([1]);
    await bus.close();
  });

  it('hands unparseable payloads to the handler as such', async () => {
    const bus = quietBus();
    const got: Delivery[] = [];
    await bus.subscribe({ group: 'g', handler: async (d) => { got.push(d); } });
    await bus.publish(event(1));
    expect(got[0]!.event).toMatchObject({ type: 'Numbered', data: { n: 1 } });
    expect(JSON.parse(got[0]!.raw)).toEqual(got[0]!.event);
    await bus.close();
  });

  it('keeps handling events published concurrently, once each', async () => {
    const bus = quietBus();
    const seen: number[] = [];
    for (let i = 0; i < 2; i++) await bus.subscribe({ group: 'g', handler: async (d) => { await new Promise((r) => setTimeout(r, 1)); seen.push(numberOf(d)); } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bus.publish(event(i))));
    await waitFor(() => seen.length === 20);
    expect(new Set(seen).size).toBe(20);
    await bus.close();
  });
});
