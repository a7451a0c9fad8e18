/**
 * Audit ingestion: events/s recorded by the audit subgraph, lag from publish to entry (p50/p99),
 * then `verifyAuditChain` over every entry (validity, time) and over a copy with one row altered.
 *   TEST_DATABASE_URL=postgres://... REDIS_URL=redis://... node --import tsx bench/audit-ingest.ts [events] [--mode=batch|single]
 * Without them it runs on embedded PGlite and the in-process bus. `--mode=single` reproduces the
 * capture before batching (one transaction per event); `batch` (default) is the shipped consumer.
 * Events are published by PUBLISHERS concurrent loops, as the relays of several subgraphs would.
 * Lag: on Redis, publish to the entry's recorded_at (stamped in the consumer's transaction); in-process,
 * publish to publish resolving, which happens only after the consumer's transaction committed.
 * Results are merged into bench/results/audit-ingest.json under "<database>/<bus>" and the mode.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createEvent, createLogger, generateSigningKeyPair, startSubgraph, type BackgroundTask, type DomainEvent, type SubgraphModule } from '@app/common';
import { createTestDatabase } from '../packages/testing/src/database.js';
import { createTestBus, deleteTestStream } from '../packages/testing/src/bus.js';
import { auditSubgraph } from '../subgraphs/audit/src/server.js';
import { AuditCapture } from '../subgraphs/audit/src/services/capture.js';
import { verifyChain } from '../subgraphs/audit/src/services/verify.service.js';
import type { AuditConfig } from '../subgraphs/audit/src/config.js';
import type { AuditDeps } from '../subgraphs/audit/src/deps.js';

const total = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 10_000);
const mode = (process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'batch') as 'batch' | 'single';
const PUBLISHERS = 8;
const logger = createLogger('bench', { level: 'warn' });

/** The consumer as it was before batch delivery: every event its own transaction. */
class SingleEventCapture implements BackgroundTask {
  readonly name = 'audit-capture-single';
  private readonly capture: AuditCapture;
  private close: (() => Promise<void>) | null = null;
  constructor(private readonly deps: AuditDeps) { this.capture = new AuditCapture(deps); }
  async start() { this.close = (await this.deps.bus.subscribe({ group: 'audit', consumer: 'audit-bench', handler: (d) => this.capture.handle(d) })).close; }
  async stop() { await this.close?.(); }
}
const module: SubgraphModule<AuditConfig, any> = mode === 'single'
  ? { ...auditSubgraph, build: async (deps) => ({ ...(await auditSubgraph.build(deps)), background: [new SingleEventCapture(deps as AuditDeps)] }) }
  : auditSubgraph;

const db = await createTestDatabase();
const bus = createTestBus();
const keys = await generateSigningKeyPair('bench');
const running = await startSubgraph(module, {
  databaseUrl: db.url, bus, gatewayPublicKey: keys.publicKey, logger, config: auditSubgraph.loadConfig({}), relayIntervalMs: 1_000,
});
const sql = <T>(text: string, params: unknown[] = []) => running.orm.em.fork().getConnection().execute<T[]>(text, params, 'all') as Promise<T[]>;
const count = async () => (await sql<{ n: number }>('select count(*)::int as n from "audit"."audit_entry"'))[0]!.n;

const principal = { kind: 'user', userId: randomUUID(), role: 'STAFF', labId: null, name: 'bench', scopes: [], tokenId: null, via: 'UI' } as const;
const publishedAt = new Map<string, number>();
const committedAt = new Map<string, number>();
function nextEvent(i: number): DomainEvent {
  const sampleId = randomUUID();
  return createEvent({ source: 'samples', principal: { ...principal, scopes: [] }, correlationId: randomUUID() }, {
    type: 'SampleUpdated', subject: { type: 'Sample', id: sampleId, sampleId, labId: 'lab-a' }, data: { i }, before: { volume: i }, after: { volume: i + 1 },
  }) as DomainEvent;
}
const started = Date.now();
let next = 0;
await Promise.all(Array.from({ length: PUBLISHERS }, async () => {
  while (next < total) {
    const event = nextEvent(next++);
    publishedAt.set(event.id, Date.now());
    await bus.publish(event);
    if (bus.kind === 'memory') committedAt.set(event.id, Date.now());
  }
}));
const publishDone = Date.now();
while ((await count()) < total) await new Promise((r) => setTimeout(r, 20));
const finished = Date.now();

const rows = await sql<{ event_id: string; recorded_at: Date }>('select event_id, recorded_at from "audit"."audit_entry"');
const lags = rows.map((r) => (committedAt.get(r.event_id) ?? new Date(r.recorded_at).getTime()) - publishedAt.get(r.event_id)!).sort((a, b) => a - b);
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.ceil((p / 100) * lags.length) - 1)]!;

async function timedVerify() {
  const t0 = Date.now();
  const v = await verifyChain(running.orm.em.fork() as never, 'audit');
  return { valid: v.valid, checked: v.checked, firstBrokenSeq: v.firstBrokenSeq, seconds: (Date.now() - t0) / 1000 };
}
const verification = await timedVerify();
// One row altered behind the application's back (superuser, trigger disabled): verification must name it.
const tamperedSeq = Math.ceil(total / 2) + 1;
await sql('alter table "audit"."audit_entry" disable trigger "audit_entry_append_only"');
await sql(`update "audit"."audit_entry" set after = '{"volume": -1}'::jsonb where seq = ?`, [tamperedSeq]);
await sql('alter table "audit"."audit_entry" enable trigger "audit_entry_append_only"');
const tampered = await timedVerify();

const result = {
  at: new Date().toISOString(), mode, events: total, publishers: PUBLISHERS, lagTo: bus.kind === 'memory' ? 'publish resolved (after commit)' : 'recorded_at',
  eventsPerSecond: Math.round((total / (finished - started)) * 1000),
  publishSeconds: (publishDone - started) / 1000, totalSeconds: (finished - started) / 1000,
  lagMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: lags.at(-1) },
  verifyAuditChain: { ...verification, afterAlteringSeq: tamperedSeq, detected: !tampered.valid && tampered.firstBrokenSeq === tamperedSeq, tamperedSeconds: tampered.seconds },
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
const dir = join(import.meta.dirname, 'results');
const file = join(dir, 'audit-ingest.json');
mkdirSync(dir, { recursive: true });
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs?: Record<string, Record<string, unknown>> }) : {};
const runs = previous.runs ?? {};
const key = `${db.kind}/${bus.kind}`;
runs[key] = { ...runs[key], [mode]: result };
writeFileSync(file, `${JSON.stringify({ benchmark: 'audit-ingest', runs }, null, 2)}\n`);

await running.stop();
await bus.close();
await deleteTestStream(bus.stream);
await db.drop();
