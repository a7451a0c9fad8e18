import { FileVersion } from '../entities/index.js';
import type { FilesDeps } from '../deps.js';

/**
 * Download URLs: signed for callers the loaders showed the file to (lab scope is checked there),
 * then honoured by the public route, which trusts the signature and looks the version up here.
 */
export class DownloadService {
  constructor(private readonly deps: FilesDeps) {}

  sign(fileId: string, version: number): string {
    const expiresAt = new Date(this.deps.now().getTime() + this.deps.config.FILES_DOWNLOAD_TTL_SECONDS * 1000);
    return this.deps.signer.downloadUrl(fileId, version, expiresAt);
  }

  /** The version a verified URL names, with its file. */
  version(fileId: string, version: number): Promise<FileVersion | null> {
    return this.deps.orm.em.fork().findOne(FileVersion, { file: fileId, version }, { populate: ['file'] });
  }
}
