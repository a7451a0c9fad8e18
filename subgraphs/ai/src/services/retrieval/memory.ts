import { FieldCorrection } from '../../entities/index.js';
import type { AiDeps } from '../../deps.js';
import type { DraftField, ExtractionDraft } from '../pdf/draft.js';
import { labelOfField } from '../pdf/form-spec.js';
import type { Embedder, Embedding } from './embedder.js';
import type { CorrectionHit, CorrectionStore } from './stores.js';

/** A field's value as one text (several marked options joined), as corrections record it. */
const shownOf = (field: DraftField) => (Array.isArray(field.value) ? field.value.join(', ') : field.value);

/** Below this a past correction is not even suggested. */
const SUGGEST_SIMILARITY = 0.75;

/**
 * The memory of reviewers' corrections: stored and embedded when made, searchable once their job
 * is accepted, and consulted for every new draft (source RETRIEVAL, with the correction's id).
 */
export class CorrectionMemory {
  constructor(private readonly deps: AiDeps, private readonly embedder: Embedder, readonly store: CorrectionStore) {}

  /** What a correction is found by: the field, its printed label and the value that was wrong. */
  keyText(fieldName: string, label: string, wrong: string | null): string {
    return `${fieldName} | ${label} | ${wrong ?? '(empty)'}`;
  }

  embed(text: string): Promise<Embedding> {
    return this.embedder.embed(text);
  }

  async indexAccepted(jobId: string): Promise<void> {
    if (this.store.kind !== 'qdrant') return; // in PostgreSQL the rows are the index
    await this.store.index(await this.deps.orm.em.fork().find(FieldCorrection, { jobId, accepted: true }));
  }

  /** Applies a near-identical past correction of the same wrong value; suggests a merely similar one. Every field is looked up at once. */
  async apply(draft: ExtractionDraft): Promise<ExtractionDraft> {
    const queries = [];
    // One embedding at a time: a model server gets one request after another, not a burst.
    for (const field of draft.fields) queries.push({ fieldName: field.name, vector: (await this.embed(this.keyText(field.name, labelOfField(field.name), shownOf(field)))).vector });
    const hits = await this.store.nearest(queries);
    return { ...draft, fields: draft.fields.map((field, i) => this.applyHit(field, hits[i] ?? null)) };
  }

  private applyHit(field: DraftField, best: CorrectionHit | null): DraftField {
    const shown = shownOf(field);
    if (!best || best.similarity < SUGGEST_SIMILARITY) return field;
    const similarity = Math.round(best.similarity * 1000) / 1000;
    if (best.similarity >= this.deps.config.AI_RETRIEVAL_MIN_SIMILARITY && best.wrongValue === shown) {
      const value = Array.isArray(field.value) && best.rightValue ? best.rightValue.split(', ') : best.rightValue;
      return { ...field, value, source: 'RETRIEVAL', confidence: Math.min(0.79, similarity), correctionId: best.id, warning: `Applied past correction ${best.id} (similarity ${similarity}): was ${JSON.stringify(shown)}` };
    }
    return { ...field, correctionId: best.id, warning: field.warning ?? `A similar past correction (${best.id}, similarity ${similarity}) changed ${JSON.stringify(best.wrongValue)} to ${JSON.stringify(best.rightValue)}` };
  }
}
