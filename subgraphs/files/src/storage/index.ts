import type { FilesConfig } from '../config.js';
import { LocalDiskStorage } from './local-disk.js';
import type { FileStorage } from './storage.js';

export { blobKey, type ByteRange, type FileStorage } from './storage.js';

/** The adapter FILES_STORAGE names: local disk under FILES_DIR, or an S3-compatible bucket. */
export async function openStorage(config: FilesConfig): Promise<FileStorage> {
  if (config.FILES_STORAGE === 'local') return LocalDiskStorage.open(config.FILES_DIR);
  const credentials = config.FILES_S3_ACCESS_KEY_ID && config.FILES_S3_SECRET_ACCESS_KEY
    ? { accessKeyId: config.FILES_S3_ACCESS_KEY_ID, secretAccessKey: config.FILES_S3_SECRET_ACCESS_KEY }
    : undefined;
  // The AWS SDK is imported only when S3 is configured: with local disk it would be ~4 MB of heap for nothing (bench/README.md, memory).
  const { S3Storage } = await import('./s3.js');
  return new S3Storage({
    bucket: config.FILES_S3_BUCKET!, region: config.FILES_S3_REGION, endpoint: config.FILES_S3_ENDPOINT,
    forcePathStyle: config.FILES_S3_FORCE_PATH_STYLE, prefix: config.FILES_S3_PREFIX, credentials,
  });
}
