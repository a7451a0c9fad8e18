import type { AiDeps } from '../../deps.js';
import { HashingEmbedder, OllamaEmbedder, type Embedder } from '../retrieval/embedder.js';
import { CorrectionMemory } from '../retrieval/memory.js';
import { postgresCorrectionStore, QdrantCorrectionStore, type CorrectionStore } from '../retrieval/stores.js';
import type { Assistant } from './assistant.js';
import { assistFreeText } from './ollama-assist.js';

/**
 * The process's correction memory and assistant, from configuration (Ollama and Qdrant optional).
 * Without Qdrant the store is chosen here, at start-up, by what the database offers (pgvector or a scan).
 */
export async function createAssistance(deps: AiDeps): Promise<{ memory: CorrectionMemory; assistant: Assistant }> {
  const c = deps.config;
  // The Ollama and Qdrant clients are imported only when configured: most embedded runs use neither,
  // and every module a process imports stays in its heap (bench/README.md, memory).
  const ollama = c.OLLAMA_URL ? new (await import('ollama')).Ollama({ host: c.OLLAMA_URL }) : null;
  const embedder: Embedder = ollama ? new OllamaEmbedder(ollama, c.OLLAMA_EMBED_MODEL) : new HashingEmbedder();
  const store: CorrectionStore = c.QDRANT_URL
    ? new QdrantCorrectionStore(new (await import('@qdrant/js-client-rest')).QdrantClient({ url: c.QDRANT_URL, apiKey: c.QDRANT_API_KEY, checkCompatibility: false }), c.QDRANT_COLLECTION)
    : await postgresCorrectionStore(deps.orm, deps.schema, deps.logger);
  const memory = new CorrectionMemory(deps, embedder, store);
  const assistant: Assistant = {
    async assist(_job, draft) {
      const remembered = await memory.apply(draft).catch((err: unknown) => {
        deps.logger.warn({ err }, 'correction lookup failed; draft kept');
        return draft;
      });
      return ollama ? assistFreeText(ollama, c.OLLAMA_MODEL, c.OLLAMA_TIMEOUT_MS, remembered, deps.logger) : { draft: remembered, llm: null };
    },
  };
  return { memory, assistant };
}
