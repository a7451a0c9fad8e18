import type { FilesDeps } from '../deps.js';

/** Signs download URLs; callers only reach it for files the loaders showed them (lab scope checked there). */
export class DownloadService {
  constructor(private readonly deps: FilesDeps) {}

  sign(fileId: string, version: number): string {
    const expiresAt = new Date(this.deps.now().getTime() + this.deps.config.FILES_DOWNLOAD_TTL_SECONDS * 1000);
    return this.deps.signer.downloadUrl(fileId, version, expiresAt);
  }
}
