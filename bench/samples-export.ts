/**
 * Export benchmark: seeds N samples (default 100,000) and exports them to every format,
 * reporting time, rows/s, file size and peak memory (RSS and JS heap, sampled every 20 ms).
 *   node --expose-gc --import tsx bench/samples-export.ts [rows]
 * Uses BENCH_DATABASE_URL (a real PostgreSQL, recommended: its memory is not in this process)
 * or an embedded PGlite. Writes bench/results/samples-export.json.
 */
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createLogger, initOrm, InProcessBus, OutboxRelay, SYSTEM, startEmbeddedPostgres, type BaseContext, type Principal } from '@app/common';
import { samplesSubgraph } from '../subgraphs/samples/src/server.js';
import { loadSamplesConfig } from '../subgraphs/samples/src/config.js';
import { createLoaders } from '../subgraphs/samples/src/loaders/index.js';
import { createServices } from '../subgraphs/samples/src/services/index.js';
import { ExportRunner, writeExport } from '../subgraphs/samples/src/exports/runner.js';
import { selectColumns } from '../subgraphs/samples/src/exports/columns.js';
import { whereFor } from '../subgraphs/samples/src/exports/source.js';
import { ExportFormats } from '../subgraphs/samples/src/entities/enums.js';
import type { SamplesDeps } from '../subgraphs/samples/src/deps.js';

const rows = Number(process.argv[2] ?? 100_000);
const logger = createLogger('bench', { level: 'warn' });
const exportDir = mkdtempSync(join(tmpdir(), 'bench-exports-'));

async function database(): Promise<{ url: string; kind: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, kind: 'pglite (in this process: RSS includes the database)', drop: () => embedded.stop() };
  }
  const name = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), kind: 'postgresql',
    drop: async () => { const c = new pg.Client({ connectionString: server }); await c.connect(); await c.query(`drop database if exists "${name}" with (force)`); await c.end(); },
  };
}

function memorySampler() {
  let rss = 0;
  let heap = 0;
  const sample = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
  const timer = setInterval(sample, 20);
  sample();
  return { stop: () => { clearInterval(timer); sample(); return { peakRssMb: Math.round(rss / 1e6), peakHeapMb: Math.round(heap / 1e6) }; } };
}

const db = await database();
const orm = await initOrm({ databaseUrl: db.url, schema: 'samples', entities: samplesSubgraph.entities, migrations: samplesSubgraph.migrations, logger });
const bus = new InProcessBus(logger);
const deps: SamplesDeps = {
  config: loadSamplesConfig({ EXPORT_DIR: exportDir, EXPORT_BATCH_SIZE: '5000' }), orm, schema: 'samples', bus,
  relay: new OutboxRelay({ orm, schema: 'samples', bus, logger }), logger, now: () => new Date(),
};
const principal: Principal = { ...SYSTEM, kind: 'user', userId: randomUUID(), role: 'STAFF', via: 'SYSTEM' };
const services = () => {
  const base: BaseContext = { principal, client: { ip: null, userAgent: 'bench' }, requestId: randomUUID(), correlationId: randomUUID(), logger, em: orm.em.fork() };
  return createServices(deps, base, createLoaders(base.em, principal), new ExportRunner(deps));
};

const seedStart = performance.now();
const project = await services().projects.create({ name: 'Benchmark', labId: 'bench-lab' });
for (let done = 0; done < rows;) {
  const submission = await services().submissions.create({ projectId: project.id });
  const n = Math.min(1_000, rows - done);
  await services().samples.addSamples(submission.id, Array.from({ length: n }, (_, i) => ({
    name: `S-${done + i}`, sampleType: 'DNA' as const, qubitConcentration: 10 + (i % 90), volume: 20, organism: 'Homo sapiens', notes: i % 7 === 0 ? 'multi\nline, "quoted" =x' : null,
  })));
  done += n;
}
// The outbox is not under test: clear it so its size does not colour the export numbers.
await orm.em.getConnection().execute('delete from "samples"."outbox_event"');
const seedSeconds = (performance.now() - seedStart) / 1000;
console.log(`seeded ${rows} samples in ${seedSeconds.toFixed(1)} s on ${db.kind}`);

const results = [];
const columns = selectColumns('SAMPLES', null);
const where = whereFor('SAMPLES', principal, {});
for (const format of ExportFormats) {
  global.gc?.();
  const memory = memorySampler();
  const path = join(exportDir, `samples.${format.toLowerCase()}`);
  const start = performance.now();
  const written = await writeExport(deps, 'SAMPLES', format, where, columns, path);
  const seconds = (performance.now() - start) / 1000;
  const result = { format, rows: written, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(written / seconds), fileMb: Math.round(statSync(path).size / 1e5) / 10, ...memory.stop() };
  results.push(result);
  console.log(JSON.stringify(result));
  rmSync(path);
}

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'samples-export.json'), `${JSON.stringify({
  benchmark: 'samples-export', at: new Date().toISOString(), rows, database: db.kind, node: process.version, batchSize: deps.config.EXPORT_BATCH_SIZE, seedSeconds: Math.round(seedSeconds), results,
}, null, 2)}\n`);
await orm.close();
await bus.close();
await db.drop();
rmSync(exportDir, { recursive: true, force: true });
