import { z } from 'zod';
import { loadConfig } from '@app/common';

const ms = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
/** A URL, or unset (an empty value counts as unset). */
const optionalUrl = () => z.string().url().optional().or(z.literal('').transform(() => undefined));

/** Variables only the ai subgraph reads (the shared ones are parsed by the runtime). */
export const aiEnvSchema = z.object({
  /** Results below this confidence are flagged for a person to check. */
  AI_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.95),
  /** Largest pasted text accepted, in characters. */
  AI_MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(200_000),
  /** Largest PDF read (by fileId or inline). */
  AI_MAX_PDF_BYTES: z.coerce.number().int().min(1_000).max(200_000_000).default(20_000_000),
  /**
   * Largest PDF accepted inline as base64 in the mutation: the default fits the gateway's 1 MB
   * BODY_LIMIT once base64-encoded; subgraphs take 2 MB bodies, hence the ceiling. Larger: use fileId.
   */
  AI_INLINE_PDF_MAX_BYTES: z.coerce.number().int().min(1_000).max(1_500_000).default(700_000),
  /** Pages beyond this make a job fail (a quote has five or six). */
  AI_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(5_000).default(50),
  /** Wall-clock budget for reading one PDF. */
  AI_PDF_TIMEOUT_MS: ms(100, 600_000, 20_000),
  /** Heap of the thread a PDF is read in (worker_threads resourceLimits); a read that needs more ends FAILED. */
  AI_PDF_MEMORY_MB: z.coerce.number().int().min(128).max(8_192).default(512),
  /** Painted shapes kept per page. */
  AI_MAX_SHAPES_PER_PAGE: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** PDF jobs one process runs at a time. */
  AI_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** How often the worker looks for queued jobs and expired leases besides the bus wake-ups. */
  AI_WORKER_POLL_MS: ms(50, 600_000, 2_000),
  /** How long a claim holds without renewal; a crashed worker's job is taken over after this. */
  AI_JOB_LEASE_MS: ms(500, 3_600_000, 60_000),
  /** Claims of one job before it is given up as FAILED. */
  AI_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Shared with the files subgraph: signs the download URL the ai subgraph reads a stored file with. */
  FILES_SIGNING_SECRET: z.string().min(32).optional().or(z.literal('').transform(() => undefined)),
  /** Base URL of the files service's routes (`/downloads/…`) as the ai subgraph reaches it; default FILES_PUBLIC_URL. */
  AI_FILES_URL: optionalUrl(),
  FILES_PUBLIC_URL: optionalUrl(),
  /** How long `startPdfExtraction(fileId)` waits for the files subgraph's FileUploaded to arrive. */
  AI_FILE_WAIT_MS: ms(0, 60_000, 3_000),
  /** Ollama server for free-text assistance; unset = no language model. */
  OLLAMA_URL: optionalUrl(),
  OLLAMA_MODEL: z.string().min(1).default('llama3.2'),
  /** Embedding model for the correction memory; without Ollama a local hashing embedding is used. */
  OLLAMA_EMBED_MODEL: z.string().min(1).default('nomic-embed-text'),
  OLLAMA_TIMEOUT_MS: ms(100, 600_000, 15_000),
  /** Qdrant for correction retrieval; unset = PostgreSQL. */
  QDRANT_URL: optionalUrl(),
  QDRANT_API_KEY: z.string().optional().transform((v) => v || undefined),
  QDRANT_COLLECTION: z.string().min(1).default('extraction_corrections'),
  /** A past correction is applied only above this cosine similarity (and suggested above 0.75). */
  AI_RETRIEVAL_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.92),
});
export type AiConfig = z.infer<typeof aiEnvSchema>;

export const loadAiConfig = (env: Record<string, string | undefined>): AiConfig => loadConfig(aiEnvSchema, env);
