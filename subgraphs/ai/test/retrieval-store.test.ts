import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { captureLogger, startTestSubgraph, type TestSubgraph } from '@app/testing';
import { qualified } from '@app/common';
import { aiSubgraph } from '../src/server.js';
import { FieldCorrection } from '../src/entities/index.js';
import { HashingEmbedder } from '../src/services/retrieval/embedder.js';
import { PgvectorCorrectionStore, PostgresCorrectionStore, postgresCorrectionStore, type CorrectionStore } from '../src/services/retrieval/stores.js';

// Without Qdrant, corrections are searched in PostgreSQL: with pgvector when the server has it
// (always in the embedded PGlite, which loads the extension), else by a scan. The choice is made at
// start-up and logged; both answer the same.

const embedder = new HashingEmbedder();
const key = (field: string, label: string, wrong: string) => `${field} | ${label} | ${wrong}`;

let sg: TestSubgraph;
let orm: MikroORM;
let lines: string[];
let schema: string;
let serverHasPgvector: boolean;

beforeAll(async () => {
  const captured = captureLogger('ai', 'info');
  lines = captured.lines;
  sg = await startTestSubgraph(aiSubgraph, { env: { AI_WORKER_POLL_MS: '1000' }, logger: captured.logger });
  orm = sg.running.orm as MikroORM;
  schema = orm.config.get('schema') ?? 'ai';
  serverHasPgvector = (await orm.em.getConnection().execute(`select 1 from pg_available_extensions where name = 'vector'`)).length > 0;
  const em = orm.em.fork();
  const jobId = randomUUID();
  const add = async (fieldName: string, label: string, wrong: string, right: string, accepted = true, vector?: number[]) => {
    const embedding = vector ?? (await embedder.embed(key(fieldName, label, wrong))).vector;
    em.create(FieldCorrection, { jobId, labId: 'lab-a', form: 'DNA', fieldName, labelText: label, wrongValue: wrong, rightValue: right, embedding, embeddingModel: embedder.model, accepted, createdBy: randomUUID() });
  };
  await add('genomeSize', 'Genome size:', '4.6 Mb', '4.6 Mbp');
  await add('genomeSize', 'Genome size:', '3.1 Gb', '3.1 Gbp');
  await add('genomeSize', 'Approximate genome size:', '4.6 Mb', '4.6 Mbp (E. coli)');
  await add('genomeSize', 'Genome size:', '4.6 Mb', 'not accepted yet', false);
  await add('organism', 'Source organism:', '4.6 Mb', 'wrong field');
  await add('genomeSize', 'Genome size:', 'other model', 'other dimension', true, [1, 0, 0]);
  await em.flush();
}, 120_000);
afterAll(() => sg?.stop());

async function searchBoth(store: CorrectionStore, text: string, field = 'genomeSize') {
  const { vector } = await embedder.embed(text);
  return { found: await store.search(field, vector, 5), scanned: await new PostgresCorrectionStore(orm).search(field, vector, 5) };
}

describe('correction retrieval in PostgreSQL', () => {
  it('chooses pgvector when the server has it (always in embedded PGlite), else the scan, and logs which', async () => {
    if (!process.env.TEST_DATABASE_URL) expect(serverHasPgvector).toBe(true);
    const store = await postgresCorrectionStore(orm, schema, captureLogger('ai', 'silent').logger);
    expect(store.kind).toBe(serverHasPgvector ? 'pgvector' : 'postgres');
    expect(store).toBeInstanceOf(serverHasPgvector ? PgvectorCorrectionStore : PostgresCorrectionStore);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; store?: string }).filter((l) => l.msg.startsWith('correction retrieval:'));
    expect(logged).toEqual([expect.objectContaining({ store: store.kind })]);
  });

  it('the chosen store (pgvector: <=> in the database) ranks as the scan does in the process', async () => {
    const store = await postgresCorrectionStore(orm, schema, captureLogger('ai', 'silent').logger);
    const { found, scanned } = await searchBoth(store, key('genomeSize', 'Genome size:', '4.6 Mb'));
    // Accepted corrections of this field and of the query's dimension only, nearest first.
    expect(found.map((h) => h.rightValue).sort()).toEqual(['3.1 Gbp', '4.6 Mbp', '4.6 Mbp (E. coli)']);
    expect(found.map((h) => h.id)).toEqual(scanned.map((h) => h.id));
    found.forEach((h, i) => expect(h.similarity).toBeCloseTo(scanned[i]!.similarity, 5));
    expect(found[0]).toMatchObject({ rightValue: '4.6 Mbp', wrongValue: '4.6 Mb' });
    expect(found[0]!.similarity).toBeCloseTo(1, 5);
    expect((await store.search('organism', (await embedder.embed(key('organism', 'Source organism:', '4.6 Mb'))).vector, 5)).map((h) => h.rightValue)).toEqual(['wrong field']);
    expect(await store.search('nothingHere', (await embedder.embed('x')).vector, 5)).toEqual([]);
  });

  it('looks up many fields at once as one search per field would (one statement with pgvector)', async () => {
    const store = await postgresCorrectionStore(orm, schema, captureLogger('ai', 'silent').logger);
    const queries = await Promise.all([
      ['genomeSize', key('genomeSize', 'Genome size:', '3.1 Gb')], ['organism', key('organism', 'Source organism:', '4.6 Mb')],
      ['nothingHere', 'x'], ['genomeSize', key('genomeSize', 'Approximate genome size:', '4.6 Mb')],
    ].map(async ([fieldName, text]) => ({ fieldName: fieldName!, vector: (await embedder.embed(text!)).vector })));
    const nearest = await store.nearest(queries);
    expect(nearest.map((h) => h?.rightValue ?? null)).toEqual(['3.1 Gbp', 'wrong field', null, '4.6 Mbp (E. coli)']);
    for (const [i, q] of queries.entries()) {
      const [one] = await store.search(q.fieldName, q.vector, 1);
      expect(nearest[i]?.id ?? null).toBe(one?.id ?? null);
      if (one) expect(nearest[i]!.similarity).toBeCloseTo(one.similarity, 5);
    }
    expect(await new PostgresCorrectionStore(orm).nearest(queries)).toEqual(nearest.map((h) => h && expect.objectContaining({ id: h.id })));
    expect(await store.nearest([])).toEqual([]);
  });

  it('with pgvector, keeps the vector column filled by every write (a generated column)', async () => {
    if (!serverHasPgvector) return void expect(process.env.TEST_DATABASE_URL).toBeDefined();
    await postgresCorrectionStore(orm, schema, captureLogger('ai', 'silent').logger);
    const em = orm.em.fork();
    const row = em.create(FieldCorrection, {
      jobId: randomUUID(), labId: 'lab-a', form: 'DNA', fieldName: 'coverage', labelText: 'Coverage:', wrongValue: '30', rightValue: '30x',
      embedding: (await embedder.embed(key('coverage', 'Coverage:', '30'))).vector, embeddingModel: embedder.model, accepted: true, createdBy: randomUUID(),
    });
    await em.flush();
    const [stored] = await orm.em.getConnection().execute<{ dims: number }[]>(
      `select vector_dims(embedding_vector) as dims from ${qualified(schema, 'field_correction')} where id = ?`, [row.id],
    );
    expect(Number(stored!.dims)).toBe(256);
    // Starting again finds the column there (a restart, or a second replica).
    expect((await postgresCorrectionStore(orm, schema, captureLogger('ai', 'silent').logger)).kind).toBe('pgvector');
  });

  it('without pgvector (the fallback), the scan answers the same question', async () => {
    const scan = new PostgresCorrectionStore(orm);
    const { vector } = await embedder.embed(key('genomeSize', 'Genome size:', '3.1 Gb'));
    const [best] = await scan.search('genomeSize', vector, 1);
    expect(best).toMatchObject({ rightValue: '3.1 Gbp' });
    expect(best!.similarity).toBeCloseTo(1, 5);
  });
});
