import type { MikroORM } from '@mikro-orm/postgresql';
import { QdrantClient } from '@qdrant/js-client-rest';
import { FieldCorrection } from '../../entities/index.js';
import { cosine } from './embedder.js';

export interface CorrectionHit { id: string; similarity: number; wrongValue: string | null; rightValue: string | null }

/** Where accepted corrections are searched by similarity. */
export interface CorrectionStore {
  readonly kind: 'postgres' | 'qdrant';
  index(corrections: FieldCorrection[]): Promise<void>;
  search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]>;
}

const hit = (c: Pick<FieldCorrection, 'id' | 'wrongValue' | 'rightValue'>, similarity: number): CorrectionHit =>
  ({ id: c.id, similarity, wrongValue: c.wrongValue ?? null, rightValue: c.rightValue ?? null });

/** PostgreSQL without pgvector: a scan of one field's accepted corrections (a few thousand at most). */
export class PostgresCorrectionStore implements CorrectionStore {
  readonly kind = 'postgres';
  constructor(private readonly orm: MikroORM) {}

  async index(): Promise<void> {
    // The rows are the index: accepting a job marks its corrections accepted.
  }

  async search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]> {
    const rows = await this.orm.em.fork().find(FieldCorrection, { fieldName, accepted: true }, { orderBy: { createdAt: 'desc' }, limit: 5_000 });
    return rows.map((r) => hit(r, cosine(vector, r.embedding))).sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }
}

/** Qdrant: one collection, cosine distance, payload filtered by field name; sized by the first vector (the model decides). */
export class QdrantCorrectionStore implements CorrectionStore {
  readonly kind = 'qdrant';
  private ready: Promise<void> | null = null;
  private readonly client: QdrantClient;

  constructor(url: string, apiKey: string | undefined, private readonly collection: string) {
    this.client = new QdrantClient({ url, apiKey, checkCompatibility: false });
  }

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

  async search(fieldName: string, vector: number[], limit: number): Promise<CorrectionHit[]> {
    await this.ensureCollection(vector.length);
    const points = await this.client.search(this.collection, { vector, limit, with_payload: true, filter: { must: [{ key: 'fieldName', match: { value: fieldName } }] } });
    return points.map((p) => {
      const payload = (p.payload ?? {}) as { wrongValue?: string | null; rightValue?: string | null };
      return hit({ id: String(p.id), wrongValue: payload.wrongValue ?? null, rightValue: payload.rightValue ?? null }, p.score);
    });
  }
}
