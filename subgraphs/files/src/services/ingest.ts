import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError, uploadNotReceived } from '@app/common';
import { ByteMeter, TooLargeError } from '../storage/byte-meter.js';
import { blobKey, type FileStorage } from '../storage/index.js';
import { SNIFF_BYTES, detectType } from './file-kinds.js';

/** Bytes that can be read more than once (a spooled multipart file, a staged upload). */
export interface ReplayableBytes {
  filename: string;
  open(): Readable | Promise<Readable>;
}

/** What was stored: the content address and what the bytes really are. */
export interface StoredBlob {
  byteSize: number;
  sha256: string;
  contentType: string;
  storageKey: string;
  /** False when the same bytes were already stored (content addressing). */
  written: boolean;
}

/** Keeps the first `limit` bytes that pass, for type detection. */
class HeadSink extends Writable {
  private readonly parts: Buffer[] = [];
  private kept = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    if (this.kept < this.limit) {
      const part = chunk.subarray(0, this.limit - this.kept);
      this.parts.push(part);
      this.kept += part.length;
    }
    done();
  }

  head(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/**
 * What the files of one request may still bring together: FILES_MAX_REQUEST_BYTES less what its
 * earlier files took, whichever of its mutation fields took them.
 */
export class RequestBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }

  take(bytes: number): void {
    this.used += bytes;
  }
}

/** The request's budget, and the argument an error names when the request goes over it (`files`, `file`). */
export interface BudgetUse {
  budget: RequestBudget;
  field: string;
}

/**
 * A file that did not arrive as sent, as the error its stream or its multipart promise ended with:
 * over the size limit (ours, or graphql-upload-ts's 413), the sender gone, or the sender's
 * multipart bytes broken (`uploadNotReceived`). Each is a client error naming the field; anything
 * else (a disk error) is not.
 */
export function notReceived(err: unknown, field: string, maxBytes: number): ValidationError | null {
  if (err instanceof TooLargeError) return ValidationError.field(field, `is larger than ${maxBytes} bytes`);
  return uploadNotReceived(err, field, maxBytes);
}

/**
 * Measures, type-checks and stores one file: a first pass counts, hashes and sniffs the bytes;
 * a second writes them under their SHA-256 (unless already there), the storage checking size and
 * hash again while writing.
 */
export class Ingestor {
  constructor(private readonly storage: FileStorage, private readonly maxBytes: number) {}

  async ingest(source: ReplayableBytes, allowed: readonly string[], field: string, kindName: string, use?: BudgetUse): Promise<StoredBlob> {
    const { byteSize, sha256, head } = await this.measure(source, field, use);
    use?.budget.take(byteSize);
    const contentType = await detectType(head, source.filename);
    if (!contentType || !allowed.includes(contentType)) {
      const what = contentType ? `is ${contentType}` : 'is of an unknown type';
      throw ValidationError.field(field, `${what}; ${kindName} accepts ${allowed.join(', ')}`);
    }
    const storageKey = blobKey(sha256);
    const existing = await this.storage.size(storageKey);
    if (existing === byteSize) return { byteSize, sha256, contentType, storageKey, written: false };
    await this.storage.write(storageKey, await source.open(), { byteSize, sha256 });
    return { byteSize, sha256, contentType, storageKey, written: true };
  }

  /** Counts and hashes the bytes, stopping as soon as they pass the file limit or what is left of the request's. */
  private async measure(source: ReplayableBytes, field: string, use?: BudgetUse): Promise<{ byteSize: number; sha256: string; head: Buffer }> {
    const requestBound = use !== undefined && use.budget.remaining < this.maxBytes;
    const meter = new ByteMeter(requestBound ? use.budget.remaining : this.maxBytes);
    const sink = new HeadSink(SNIFF_BYTES);
    try {
      await pipeline(await source.open(), meter, sink);
    } catch (err) {
      if (requestBound && err instanceof TooLargeError) {
        const limit = `larger than ${use.budget.limit} bytes, the most one request may carry (FILES_MAX_REQUEST_BYTES)`;
        throw ValidationError.field(use.field, use.field === field ? `is ${limit}` : `together are ${limit}; ${field} went over it`);
      }
      throw notReceived(err, field, this.maxBytes) ?? err;
    }
    if (meter.bytes === 0) throw ValidationError.field(field, 'is empty');
    return { byteSize: meter.bytes, sha256: meter.sha256(), head: sink.head() };
  }
}
