import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, ValidationError, canSeeLab, readStoredFile, type Principal } from '@app/common';
import { KnownFile } from '../../entities/index.js';
import type { AiConfig } from '../../config.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stored file as the files subgraph announced it; waits briefly for a FileUploaded still in flight. */
async function knownFile(em: EntityManager, fileId: string, waitMs: number): Promise<KnownFile | null> {
  const until = Date.now() + waitMs;
  for (;;) {
    const file = await em.fork().findOne(KnownFile, fileId);
    if (file || Date.now() >= until) return file;
    await sleep(100);
  }
}

/** A download URL for the files service's own route, signed like the files subgraph signs them. */
function downloadUrl(config: AiConfig, file: KnownFile): string {
  const base = (config.AI_FILES_URL ?? config.FILES_PUBLIC_URL)!.replace(/\/$/, '');
  const exp = Math.floor(Date.now() / 1000) + 60;
  const sig = createHmac('sha256', config.FILES_SIGNING_SECRET!).update(['download', file.id, file.version, exp].join('|')).digest('base64url');
  return `${base}/downloads/${file.id}?v=${file.version}&exp=${exp}&sig=${sig}`;
}

/**
 * The bytes of a stored PDF the caller may read: the file must be known, not deleted, in a lab the
 * caller sees (missing and invisible answer alike), a PDF, within the size limit; the bytes read
 * back must have the hash the files subgraph recorded.
 */
export async function readStoredPdf(em: EntityManager, config: AiConfig, principal: Principal, fileId: string): Promise<{ bytes: Uint8Array; file: KnownFile }> {
  if (!config.FILES_SIGNING_SECRET || !(config.AI_FILES_URL ?? config.FILES_PUBLIC_URL)) {
    throw ValidationError.field('input.fileId', 'cannot be read: FILES_SIGNING_SECRET and AI_FILES_URL are not configured for the ai subgraph');
  }
  const file = await knownFile(em, fileId, config.AI_FILE_WAIT_MS);
  if (!file || file.deleted || !canSeeLab(principal, file.labId)) throw new NotFoundError('StoredFile', fileId);
  if (file.contentType !== 'application/pdf') throw ValidationError.field('input.fileId', `is ${file.contentType}, not application/pdf`);
  if (file.byteSize > config.AI_MAX_PDF_BYTES) throw ValidationError.field('input.fileId', `is ${file.byteSize} bytes; at most ${config.AI_MAX_PDF_BYTES} are read`);
  const bytes = await readStoredFile({ url: downloadUrl(config, file), fileId, sha256: file.sha256, maxBytes: config.AI_MAX_PDF_BYTES, field: 'input.fileId', timeoutMs: 30_000 });
  return { bytes, file };
}
