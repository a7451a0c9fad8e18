import type { Readable } from 'node:stream';

/**
 * Where file bytes live. Keys are chosen by this service (`uploads/<uuid>`), never by clients.
 * Local disk today; an object store (S3/MinIO) implements the same four calls.
 */
export interface FileStorage {
  /** Writes the stream under `key`, atomically: a failed write leaves nothing behind. */
  write(key: string, body: Readable): Promise<void>;
  read(key: string): Promise<Readable>;
  size(key: string): Promise<number>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** Refuses keys that could escape the storage root. */
export function assertSafeKey(key: string): void {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`unsafe storage key: ${key}`);
}
