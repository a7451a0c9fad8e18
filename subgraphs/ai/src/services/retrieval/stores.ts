import type { MikroORM } from '@mikro-orm/postgresql';
import type { QdrantClient } from '@qdrant/js-client-rest';
import { qualified, type Logger } from '@app/common';
import { FieldCorrection } from '../../entities/index.js';
import { cosine } from './embedder.js';

export interface CorrectionHit { id: string; similarity: number; wrongValue: string | null; rightValue: string | null }

/** Where accepted corrections are searched by similarity. */
export interface CorrectionStore {
  /** `postgres`: a scan of the rows; `pgvector`: ordered by `<=>` in PostgreSQL; `qdrant`: the Qdrant collection. */
  readonly kind: 'postgres' | 'pgvector' | 'qdrant';
  index(corrections: FieldCorrection[]): Promise<void>;
  search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]>;
  /** The nearest correction for each query (null where there is none), in as few round trips as the store allows. */
  nearest(queries: CorrectionQuery[]): Promise<(CorrectionHit | null)[]>;
}

/** One field's lookup: its name and the embedding of its key text. */
export interface CorrectionQuery { fieldName: string; vector: number[] }

const hit = (c: Pick<FieldCorrection, 'id' | 'wrongValue' | 'rightValue'>, similarity: number): CorrectionHit =>
  ({ id: c.id, similarity, wrongValue: c.wrongValue ?? null, rightValue: c.rightValue ?? null });

/** PostgreSQL without pgvector: a scan of one field's accepted corrections (a few thousand at most), compared here. */
export class PostgresCorrectionStore implements CorrectionStore {
  readonly kind = 'postgres';
  constructor(private readonly orm: MikroORM) {}

  async index(): Promise<void> {
    // The rows are the index: accepting a job marks its corrections accepted.
  }

  async search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]> {
    const rows = await this.orm.em.fork().find(FieldCorrection, { fieldName, accepted: true }, { orderBy: { createdAt: 'desc' }, limit: 5_000 });
    return ranked(rows, vector).slice(0, limit);
  }

  /** One query for every field asked about; each is then ranked here. */
  async nearest(queries: CorrectionQuery[]): Promise<(CorrectionHit | null)[]> {
    const names = [...new Set(queries.map((q) => q.fieldName))];
    if (!names.length) return [];
    const rows = await this.orm.em.fork().find(FieldCorrection, { fieldName: { $in: names }, accepted: true }, { orderBy: { createdAt: 'desc' }, limit: 5_000 * names.length });
    return queries.map((q) => ranked(rows.filter((r) => r.fieldName === q.fieldName), q.vector)[0] ?? null);
  }
}

/** Rows by similarity to `vector`; only vectors of its dimension (the same embedding model) are comparable, as with pgvector. */
const ranked = (rows: FieldCorrection[], vector: number[]) =>
  rows.filter((r) => r.embedding.length === vector.length).map((r) => hit(r, cosine(vector, r.embedding))).sort((a, b) => b.similarity - a.similarity);

/**
 * PostgreSQL with pgvector: `field_correction.embedding_vector`, a column generated from the JSON
 * embedding (so every write path fills it), ordered by cosine distance (`<=>`) in the database.
 * The search is exact: an HNSW index needs one fixed dimension, and the embedding model decides it
 * (only vectors of the query's dimension are compared, as the scan does).
 */
export class PgvectorCorrectionStore implements CorrectionStore {
  readonly kind = 'pgvector';
  private readonly table: string;

  /** `vectorSchema`: where the extension's type and operators live (`public` unless installed elsewhere). */
  constructor(private readonly orm: MikroORM, schema: string, private readonly vectorSchema: string) {
    this.table = qualified(schema, 'field_correction');
  }

  async index(): Promise<void> {
    // The generated column is the index's input: accepting a job marks its corrections accepted.
  }

  async search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]> {
    const v = `"${this.vectorSchema}"`;
    const distance = `embedding_vector operator(${v}.<=>) ?::${v}.vector`;
    const rows = await this.orm.em.fork().getConnection().execute<VectorRow[]>(
      `select id, wrong_value, right_value, ${distance} as distance from ${this.table}
       where field_name = ? and accepted and embedding_vector is not null and ${v}.vector_dims(embedding_vector) = ?
       order by ${distance} limit ?`,
      [JSON.stringify(vector), fieldName, vector.length, JSON.stringify(vector), limit],
    );
    return rows.flatMap((r) => {
      const found = hitOf(r);
      return found ? [found] : [];
    });
  }

  /** Every field's nearest correction in one statement: the queries as a JSON array, each searched by a lateral subquery. */
  async nearest(queries: CorrectionQuery[]): Promise<(CorrectionHit | null)[]> {
    if (!queries.length) return [];
    const v = `"${this.vectorSchema}"`;
    const query = `(q.item->'vector')::text::${v}.vector`;
    const rows = await this.orm.em.fork().getConnection().execute<({ i: number | string } & VectorRow)[]>(
      `select q.i, c.id, c.wrong_value, c.right_value, c.distance
       from jsonb_array_elements(?::jsonb) with ordinality as q(item, i)
       cross join lateral (
         select id, wrong_value, right_value, embedding_vector operator(${v}.<=>) ${query} as distance from ${this.table}
         where field_name = q.item->>'fieldName' and accepted and embedding_vector is not null
           and ${v}.vector_dims(embedding_vector) = jsonb_array_length(q.item->'vector')
         order by embedding_vector operator(${v}.<=>) ${query} limit 1) c`,
      [JSON.stringify(queries)],
    );
    const byQuery = new Map(rows.map((r) => [Number(r.i) - 1, hitOf(r)]));
    return queries.map((_, i) => byQuery.get(i) ?? null);
  }
}

interface VectorRow { id: string; wrong_value: string | null; right_value: string | null; distance: number | string }

/** A zero vector has no direction: its distance is NaN (no hit), which the scan would score 0. */
function hitOf(r: VectorRow): CorrectionHit | null {
  const similarity = 1 - Number(r.distance);
  return Number.isFinite(similarity) ? hit({ id: r.id, wrongValue: r.wrong_value, rightValue: r.right_value }, similarity) : null;
}

/** Makes pgvector usable for `schema.field_correction`; the extension's schema, or null when this server has no pgvector. */
export async function enablePgvector(orm: MikroORM, schema: string, logger: Logger): Promise<string | null> {
  const conn = orm.em.getConnection();
  const installed = async () => (await conn.execute<{ schema: string }[]>(
    `select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'vector'`,
  ))[0]?.schema ?? null;
  let where = await installed();
  if (!where) {
    const available = await conn.execute<{ name: string }[]>(`select name from pg_available_extensions where name = 'vector'`);
    if (!available.length) return null;
    try {
      await conn.execute('create extension if not exists vector');
    } catch (err) {
      // Another process may have created it at the same moment; without the right to create it, stay on the scan.
      where = await installed();
      if (!where) {
        logger.warn({ err }, 'pgvector is available but could not be enabled (create extension vector)');
        return null;
      }
    }
    where ??= await installed();
    if (!where) return null;
  }
  const v = `"${where}"`;
  const table = qualified(schema, 'field_correction');
  const has = await conn.execute<{ n: number }[]>(
    `select 1 as n from information_schema.columns where table_schema = ? and table_name = 'field_correction' and column_name = 'embedding_vector'`, [schema],
  );
  if (!has.length) {
    try {
      await conn.execute(`alter table ${table} add column if not exists embedding_vector ${v}.vector
        generated always as (case when jsonb_array_length(embedding) > 0 then (embedding::text)::${v}.vector end) stored`);
    } catch (err) {
      // Two replicas adding it at once: the loser finds it there.
      const again = await conn.execute(`select 1 from information_schema.columns where table_schema = ? and table_name = 'field_correction' and column_name = 'embedding_vector'`, [schema]);
      if (!again.length) throw err;
    }
  }
  return where;
}

/** The PostgreSQL store this server supports: pgvector when it has the extension, else the scan (logged). */
export async function postgresCorrectionStore(orm: MikroORM, schema: string, logger: Logger): Promise<CorrectionStore> {
  const vectorSchema = await enablePgvector(orm, schema, logger);
  if (vectorSchema) {
    logger.info({ store: 'pgvector', vectorSchema }, 'correction retrieval: pgvector (cosine order in PostgreSQL)');
    return new PgvectorCorrectionStore(orm, schema, vectorSchema);
  }
  logger.info({ store: 'postgres' }, 'correction retrieval: table scan (this PostgreSQL has no pgvector extension)');
  return new PostgresCorrectionStore(orm);
}

/** Qdrant: one collection, cosine distance, payload filtered by field name; sized by the first vector (the model decides). */
export class QdrantCorrectionStore implements CorrectionStore {
  readonly kind = 'qdrant';
  private ready: Promise<void> | null = null;
  constructor(private readonly client: QdrantClient, private readonly collection: string) {}

  private ensureCollection(size: number): Promise<void> {
    this.ready ??= (async () => {
      const { exists } = await this.client.collectionExists(this.collection);
      if (!exists) await this.client.createCollection(this.collection, { vectors: { size, distance: 'Cosine' } });
    })().catch((err: unknown) => { this.ready = null; throw err; });
    return this.ready;
  }

  async index(corrections: FieldCorrection[]): Promise<void> {
    if (!corrections.length) return;
    await this.ensureCollection(corrections[0]!.embedding.length);
    await this.client.upsert(this.collection, {
      wait: true,
      points: corrections.map((c) => ({ id: c.id, vector: c.embedding, payload: { fieldName: c.fieldName, wrongValue: c.wrongValue ?? null, rightValue: c.rightValue ?? null, jobId: c.jobId } })),
    });
  }

  async nearest(queries: CorrectionQuery[]): Promise<(CorrectionHit | null)[]> {
    const found: (CorrectionHit | null)[] = [];
    for (const q of queries) found.push((await this.search(q.fieldName, q.vector, 1))[0] ?? null);
    return found;
  }

  async search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]> {
    await this.ensureCollection(vector.length);
    const points = await this.client.search(this.collection, { vector, limit, with_payload: true, filter: { must: [{ key: 'fieldName', match: { value: fieldName } }] } });
    return points.map((p) => {
      const payload = (p.payload ?? {}) as { wrongValue?: string | null; rightValue?: string | null };
      return hit({ id: String(p.id), wrongValue: payload.wrongValue ?? null, rightValue: payload.rightValue ?? null }, p.score);
    });
  }
}
