import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type FileStorage } from './storage.js';

/** Files under one directory (FILES_DIR); a key maps to a relative path inside it. */
export class LocalDiskStorage implements FileStorage {
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

  async write(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    // Written beside the target and renamed, so readers never see half a file.
    const partial = `${target}.part`;
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async size(key: string): Promise<number> {
    return (await stat(this.path(key))).size;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
