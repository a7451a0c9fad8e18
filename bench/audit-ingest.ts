/**
 * Audit ingestion: events/s recorded by the audit subgraph, and lag from publish to entry (p50/p99).
 *   TEST_DATABASE_URL=postgres://... REDIS_URL=redis://... node --import tsx bench/audit-ingest.ts [events]
 * Without them it runs on embedded PGlite and the in-process bus. Lag is measured to the entry's
 * recorded_at, stamped in the consumer's transaction just before the insert commits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createEvent, createLogger, generateSigningKeyPair, startSubgraph, type DomainEvent } from '@app/common';
import { createTestDatabase } from '../packages/testing/src/database.js';
import { createTestBus, deleteTestStream } from '../packages/testing/src/bus.js';
import { auditSubgraph } from '../subgraphs/audit/src/server.js';

const total = Number(process.argv[2] ?? 5_000);
const logger = createLogger('bench', { level: 'warn' });
const db = await createTestDatabase();
const bus = createTestBus();
const keys = await generateSigningKeyPair('bench');
const running = await startSubgraph(auditSubgraph, {
  databaseUrl: db.url, bus, gatewayPublicKey: keys.publicKey, logger, config: auditSubgraph.loadConfig({}), relayIntervalMs: 1_000,
});
const sql = <T>(text: string, params: unknown[] = []) => running.orm.em.fork().getConnection().execute<T[]>(text, params, 'all') as Promise<T[]>;
const count = async () => (await sql<{ n: number }>('select count(*)::int as n from "audit"."audit_entry"'))[0]!.n;

const principal = { kind: 'user', userId: randomUUID(), role: 'STAFF', labId: null, name: 'bench', scopes: [], tokenId: null, via: 'UI' } as const;
const publishedAt = new Map<string, number>();
const started = Date.now();
for (let i = 0; i < total; i++) {
  const sampleId = randomUUID();
  const event = createEvent({ source: 'samples', principal: { ...principal, scopes: [] }, correlationId: randomUUID() }, {
    type: 'SampleUpdated', subject: { type: 'Sample', id: sampleId, sampleId, labId: 'lab-a' }, data: { i }, before: { volume: i }, after: { volume: i + 1 },
  }) as DomainEvent;
  publishedAt.set(event.id, Date.now());
  await bus.publish(event);
}
const publishDone = Date.now();
while ((await count()) < total) await new Promise((r) => setTimeout(r, 20));
const finished = Date.now();

const rows = await sql<{ event_id: string; recorded_at: Date }>('select event_id, recorded_at from "audit"."audit_entry"');
const lags = rows.map((r) => new Date(r.recorded_at).getTime() - publishedAt.get(r.event_id)!).sort((a, b) => a - b);
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.ceil((p / 100) * lags.length) - 1)]!;
const result = {
  benchmark: 'audit-ingest', at: new Date().toISOString(), database: db.kind, bus: bus.kind, events: total,
  eventsPerSecond: Math.round((total / (finished - started)) * 1000),
  publishSeconds: (publishDone - started) / 1000, totalSeconds: (finished - started) / 1000,
  lagMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: lags.at(-1) },
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'audit-ingest.json'), `${JSON.stringify(result, null, 2)}\n`);

await running.stop();
await bus.close();
await deleteTestStream(bus.stream);
await db.drop();
