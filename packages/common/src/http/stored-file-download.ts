import { createHash } from 'node:crypto';
import { ConflictError, ValidationError } from '../errors.js';

/** A signed download of a file the files subgraph stores, and what it must match. */
export interface StoredFileDownload {
  /** The files service's own /downloads URL, signed. */
  url: string | URL;
  fileId: string;
  /** The SHA-256 (hex) files recorded at upload. */
  sha256: string;
  /** Larger bodies are refused part-way, whatever the file claimed to be. */
  maxBytes: number;
  /** The input field named when the file is too large. */
  field: string;
  timeoutMs?: number;
}

/**
 * The bytes of a stored file, read by another subgraph: at most `maxBytes`, and only if they hash
 * to what files recorded (a file changed or cut short on the way is refused, not used).
 */
export async function readStoredFile(download: StoredFileDownload): Promise<Buffer> {
  const { fileId } = download;
  let res: Response;
  try {
    res = await fetch(download.url, { signal: AbortSignal.timeout(download.timeoutMs ?? 60_000) });
  } catch (err) {
    throw new ConflictError(`The files service could not be reached to read file ${fileId}: ${(err as Error).message}`);
  }
  if (!res.ok || !res.body) throw new ConflictError(`The files service answered ${res.status} for file ${fileId}`);
  const bytes = await readBounded(res.body, download.maxBytes, download.field);
  if (createHash('sha256').update(bytes).digest('hex') !== download.sha256) throw new ConflictError(`File ${fileId} does not match its recorded SHA-256`);
  return bytes;
}

async function readBounded(body: ReadableStream<Uint8Array>, maxBytes: number, field: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw ValidationError.field(field, `names a file larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
