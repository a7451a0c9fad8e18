import type { Readable } from 'node:stream';

/** An inclusive byte range of an object, as HTTP `Range: bytes=start-end` names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/** What a writer promises about the bytes; the adapter checks both while writing. */
export interface WriteExpectation {
  byteSize: number;
  sha256: string;
}

/**
 * Where file bytes live. Keys are chosen by this service (`sha256/ab/<hash>`, `uploads/<uuid>`),
 * never by clients. Local disk and S3-compatible object storage implement the same calls.
 */
export interface FileStorage {
  /** Which adapter this is, for logs and readiness. */
  readonly kind: 'local' | 's3';
  /**
   * Writes the stream under `key`, atomically: a failed write leaves nothing behind. With an
   * expectation, bytes of another size or hash fail the write (and are removed).
   */
  write(key: string, body: Readable, expect?: WriteExpectation): Promise<void>;
  /** The object's bytes, or only `range` of them. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** The object's size, or null when there is none. */
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
  /** Throws when the storage cannot be reached (readiness). */
  check(): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** Refuses keys that could escape the storage root. */
export function assertSafeKey(key: string): void {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`unsafe storage key: ${key}`);
}

/** Content address of a blob: the same bytes always land on the same key, so they are stored once. */
export const blobKey = (sha256: string): string => `sha256/${sha256.slice(0, 2)}/${sha256}`;

export class IntegrityError extends Error {
  constructor(what: string) {
    super(`the stored bytes do not match: ${what}`);
  }
}
