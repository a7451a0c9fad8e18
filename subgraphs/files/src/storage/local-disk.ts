import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteMeter } from './byte-meter.js';
import { IntegrityError, assertSafeKey, type ByteRange, type FileStorage, type WriteExpectation } from './storage.js';

/** Files under one directory (FILES_DIR); a key maps to a relative path inside it. */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local' as const;

  private constructor(private readonly root: string) {}

  static async open(dir: string): Promise<LocalDiskStorage> {
    const root = resolve(dir);
    await mkdir(root, { recursive: true });
    return new LocalDiskStorage(root);
  }

  private path(key: string): string {
    assertSafeKey(key);
    return join(this.root, key);
  }

  async write(key: string, body: Readable, expect?: WriteExpectation): Promise<void> {
    const target = this.path(key);
    // Written beside the target and renamed, so readers never see half a file.
    const partial = `${target}.${randomUUID()}.part`;
    await mkdir(dirname(target), { recursive: true });
    const meter = new ByteMeter(expect?.byteSize ?? Number.MAX_SAFE_INTEGER);
    try {
      await pipeline(body, meter, createWriteStream(partial, { flags: 'wx' }));
      if (expect && meter.bytes !== expect.byteSize) throw new IntegrityError(`${meter.bytes} bytes instead of ${expect.byteSize}`);
      if (expect && meter.sha256() !== expect.sha256) throw new IntegrityError('SHA-256 differs');
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async check(): Promise<void> {
    await access(this.root, constants.W_OK);
  }
}
