import type { ExtractionJob } from '../../entities/index.js';
import type { ExtractionDraft } from '../pdf/draft.js';

export interface LlmRun { model: string; promptVersion: string; latencyMs: number }

/** What runs after the geometric read: past corrections, then (when configured) a language model on free text. */
export interface Assistant {
  assist(job: ExtractionJob, draft: ExtractionDraft): Promise<{ draft: ExtractionDraft; llm: LlmRun | null }>;
}

/** No assistance: the geometric draft as it is. */
export const NO_ASSIST: Assistant = { assist: async (_job, draft) => ({ draft, llm: null }) };
