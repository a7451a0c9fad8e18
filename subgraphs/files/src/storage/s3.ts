import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { ByteMeter } from './byte-meter.js';
import { IntegrityError, assertSafeKey, type ByteRange, type FileStorage, type WriteExpectation } from './storage.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a test server); unset: AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Prefix of every key inside the bucket, e.g. `nanopore/`. */
  prefix: string;
  /** Explicit credentials; unset: the SDK's default chain (AWS_* variables, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const notFound = (err: unknown) => err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey');

/**
 * S3-compatible object storage. Objects are written with one PutObject of known length (the
 * service knows size and hash before it stores a blob), so no multipart state can leak.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region, endpoint: options.endpoint, forcePathStyle: options.forcePathStyle, credentials: options.credentials,
      // Checksums only where S3 requires them: the SDK's default CRC32 trailer (aws-chunked) is not
      // understood by every S3-compatible server, and SHA-256 is sent explicitly below.
      requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    assertSafeKey(key);
    return `${this.options.prefix}${key}`;
  }

  async write(key: string, body: Readable, expect?: WriteExpectation): Promise<void> {
    if (!expect) throw new Error('S3Storage.write needs the byte size and SHA-256 of what it stores');
    const Key = this.key(key);
    const meter = new ByteMeter(expect.byteSize);
    const counted = new PassThrough();
    // A source that breaks must also stop the PUT, which would otherwise wait for bytes forever.
    const abort = new AbortController();
    const flowing = pipeline(body, meter, counted).catch((err: unknown) => { abort.abort(); throw err; });
    const sending = this.client.send(new PutObjectCommand({
      Bucket: this.options.bucket, Key, Body: counted, ContentLength: expect.byteSize,
      ChecksumSHA256: Buffer.from(expect.sha256, 'hex').toString('base64'),
    }), { abortSignal: abort.signal });
    try {
      await Promise.all([flowing, sending]);
      if (meter.bytes !== expect.byteSize) throw new IntegrityError(`${meter.bytes} bytes instead of ${expect.byteSize}`);
      if (meter.sha256() !== expect.sha256) throw new IntegrityError('SHA-256 differs');
    } catch (err) {
      counted.destroy();
      abort.abort();
      await Promise.allSettled([flowing, sending]);
      // Servers that ignore ChecksumSHA256 may have kept the object: remove it.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key })).catch(() => undefined);
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const res = await this.client.send(new GetObjectCommand({
      Bucket: this.options.bucket, Key: this.key(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    }));
    if (!(res.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
    return res.Body;
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return head.ContentLength ?? null;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }

  close(): void {
    this.client.destroy();
  }
}
