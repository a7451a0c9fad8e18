import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalDiskStorage } from '../src/storage/local-disk.js';
import { S3Storage } from '../src/storage/s3.js';
import { IntegrityError, blobKey, type FileStorage } from '../src/storage/storage.js';
import { startTestS3, type TestS3 } from './support/s3.js';
import { sha } from './helpers.js';

const chunked = (b: Buffer, size = 100_000) => Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)));
const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());

let dir: string;
let s3: TestS3;
const adapters: Record<string, () => FileStorage> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-storage-'));
  s3 = await startTestS3();
  const local = await LocalDiskStorage.open(dir);
  const remote = new S3Storage({ bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, prefix: 'test/', credentials: s3 });
  adapters.local = () => local;
  adapters.s3 = () => remote;
});
afterAll(async () => {
  (adapters.s3?.() as S3Storage | undefined)?.close();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** One suite, run against every adapter: they must behave the same. */
describe.each(['local', 's3'])('%s storage', (name) => {
  const storage = () => adapters[name]!();

  it('writes a stream under its content address, reads it back whole and by range, and deletes it', async () => {
    const body = randomBytes(1_234_567);
    const key = blobKey(sha(body));
    expect(await storage().size(key)).toBeNull();
    await storage().write(key, chunked(body), { byteSize: body.length, sha256: sha(body) });
    expect(await storage().size(key)).toBe(body.length);
    expect(sha(await bytesOf(await storage().read(key)))).toBe(sha(body));
    expect(await bytesOf(await storage().read(key, { start: 1000, end: 1999 }))).toEqual(body.subarray(1000, 2000));
    expect(await bytesOf(await storage().read(key, { start: body.length - 1, end: body.length - 1 }))).toEqual(body.subarray(-1));
    await storage().delete(key);
    expect(await storage().size(key)).toBeNull();
    await storage().delete(key); // deleting twice is fine
  });

  it('refuses bytes that do not match the expected size or hash and keeps nothing', async () => {
    const body = Buffer.from('the real bytes');
    const key = blobKey(sha('other bytes'));
    await expect(storage().write(key, chunked(body), { byteSize: body.length, sha256: sha('other bytes') })).rejects.toBeInstanceOf(IntegrityError);
    expect(await storage().size(key)).toBeNull();
    await expect(storage().write(key, chunked(body), { byteSize: body.length - 1, sha256: sha(body) })).rejects.toThrow();
    expect(await storage().size(key)).toBeNull();
  });

  it('keeps nothing when the source stream breaks halfway', async () => {
    const key = blobKey(sha('broken'));
    const broken = new Readable({ read() { this.push(Buffer.alloc(50_000, 1)); this.destroy(new Error('client went away')); } });
    await expect(storage().write(key, broken, { byteSize: 200_000, sha256: sha('broken') })).rejects.toThrow();
    // S3 itself never keeps a PUT shorter than its Content-Length; s3rver may still be writing the
    // truncated body when the adapter's clean-up DELETE arrives. Either way no complete blob exists.
    const left = await storage().size(key);
    if (name === 'local') expect(left).toBeNull();
    else expect(left === null || left < 200_000).toBe(true);
  });

  it('refuses keys that could escape its root and answers its readiness check', async () => {
    await expect(storage().read('../etc/passwd')).rejects.toThrow(/unsafe storage key/);
    await expect(storage().check()).resolves.toBeUndefined();
    expect(await text(await (async () => {
      await storage().write('uploads/ok-1', Readable.from([Buffer.from('hi')]), { byteSize: 2, sha256: sha('hi') });
      return storage().read('uploads/ok-1');
    })())).toBe('hi');
  });
});

it('leaves no partial files behind on local disk', async () => {
  const names = await readdir(dir, { recursive: true });
  expect(names.filter((n) => String(n).endsWith('.part'))).toEqual([]);
});
