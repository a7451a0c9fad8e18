import type { Ollama } from 'ollama';
import type { Logger } from '@app/common';
import type { DraftField, ExtractionDraft } from '../pdf/draft.js';
import type { LlmRun } from './assistant.js';

export const PROMPT_VERSION = 'quote-freetext-v1';

/** Flags a comment may raise; the model may only pick from these. */
export const HANDLING_FLAGS = ['KEEP_FROZEN', 'KEEP_COLD', 'HAZARDOUS', 'LOW_INPUT', 'HIGH_MOLECULAR_WEIGHT', 'BARCODE_LAYOUT', 'SHARED_BILLING', 'RUSH', 'CONTROLS_INCLUDED', 'POOLING'] as const;

/** The JSON the model must answer with (Ollama's structured `format`). */
export const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    organism: { type: ['string', 'null'], description: 'Binomial scientific name of the source organism, or null' },
    specialHandling: { type: 'array', items: { type: 'string', enum: [...HANDLING_FLAGS] } },
  },
  required: ['organism', 'specialHandling'],
} as const;

const SYSTEM = `You normalise free-text answers of a sequencing quote form. Answer JSON only.
organism: the binomial scientific name for the organism text (e.g. "E. coli" -> "Escherichia coli"); null when unsure.
specialHandling: the flags the comment clearly asks for, from the allowed list only; [] when none.`;

const text = (draft: ExtractionDraft, name: string) => {
  const v = draft.fields.find((f) => f.name === name)?.value;
  return typeof v === 'string' ? v : null;
};

function llmField(name: string, value: string | string[] | null, from: DraftField | undefined): DraftField {
  return { name, value, confidence: 0.6, source: 'LLM', page: from?.page ?? null, bbox: from?.bbox ?? null, warning: 'Suggested by the language model; check it' };
}

/**
 * Free-text assistance only (organism, comments): adds `organismNormalized` and `specialHandling`
 * as LLM fields beside the geometric ones, which it never changes. A slow or failing server
 * leaves the draft as it was, with a warning.
 */
export async function assistFreeText(client: Ollama, model: string, timeoutMs: number, draft: ExtractionDraft, logger: Logger): Promise<{ draft: ExtractionDraft; llm: LlmRun | null }> {
  const organism = text(draft, 'organism');
  const comments = text(draft, 'comments');
  if (!organism && !comments) return { draft, llm: null };
  const started = performance.now();
  try {
    const reply = await withTimeout(client.chat({
      model, stream: false, format: ANSWER_SCHEMA, options: { temperature: 0 },
      messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: JSON.stringify({ organism, comments }) }],
    }), timeoutMs, () => client.abort());
    const latencyMs = Math.round(performance.now() - started);
    const answer = JSON.parse(reply.message.content) as { organism?: unknown; specialHandling?: unknown };
    const flags = Array.isArray(answer.specialHandling) ? answer.specialHandling.filter((f): f is string => (HANDLING_FLAGS as readonly string[]).includes(f as string)) : [];
    const normalized = typeof answer.organism === 'string' && answer.organism.trim() ? answer.organism.trim().slice(0, 200) : null;
    const fields = [...draft.fields,
      llmField('organismNormalized', normalized, draft.fields.find((f) => f.name === 'organism')),
      llmField('specialHandling', flags, draft.fields.find((f) => f.name === 'comments'))];
    return { draft: { ...draft, fields }, llm: { model, promptVersion: PROMPT_VERSION, latencyMs } };
  } catch (err) {
    logger.warn({ err }, 'language model assistance failed; geometric draft kept');
    return { draft: { ...draft, warnings: [...draft.warnings, `Language model unavailable (${(err as Error).message.slice(0, 120)}); free-text fields not normalised`] }, llm: null };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { onTimeout(); reject(new Error(`no answer within ${ms} ms`)); }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
