import { DelegateClient, NotFoundError, readStoredFile, ValidationError, type BaseContext } from '@app/common';

/** The facts intake needs about a stored file, as the files subgraph shows them to the caller. */
export interface StoredFileRef {
  id: string;
  labId: string;
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  scanStatus: string;
  downloadUrl: string | null;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Reads a stored file as the caller: files decides whether the caller may see it (another lab's
 * file is NOT_FOUND, as a missing one) and signs the download; the bytes are read with a size bound
 * and must hash to the SHA-256 files recorded.
 */
export class FilesClient {
  constructor(private readonly api: DelegateClient) {}

  static of(ctx: BaseContext): FilesClient | null {
    const api = DelegateClient.of(ctx, 'files');
    return api ? new FilesClient(api) : null;
  }

  async file(id: string): Promise<StoredFileRef | null> {
    const data = await this.api.request<{ file: StoredFileRef | null }>(
      'query($id: ID!) { file(id: $id) { id labId filename contentType byteSize sha256 scanStatus downloadUrl } }', { id },
    );
    return data.file;
  }

  /** The bytes of the file `field` names, at most `maxBytes`. */
  async read(field: string, id: string, maxBytes: number): Promise<{ file: StoredFileRef; bytes: Buffer }> {
    const file = await this.file(id);
    if (!file) throw new NotFoundError('StoredFile', id);
    if (file.byteSize > maxBytes) throw ValidationError.field(field, `names a file of ${file.byteSize} bytes; at most ${maxBytes} are read`);
    if (!file.downloadUrl) throw ValidationError.field(field, `names a file that cannot be downloaded (scan status ${file.scanStatus})`);
    const bytes = await readStoredFile({ url: this.internalDownloadUrl(file.downloadUrl), fileId: id, sha256: file.sha256, maxBytes, field, timeoutMs: DOWNLOAD_TIMEOUT_MS });
    return { file, bytes };
  }

  /**
   * The signed URL is for clients (FILES_PUBLIC_URL, usually the gateway's /files proxy); the same
   * path and signature are honoured by the files service's own /downloads route, which is where a
   * subgraph should go, not out through the public address.
   */
  private internalDownloadUrl(signed: string): URL {
    const url = new URL(signed, this.api.url);
    const at = url.pathname.lastIndexOf('/downloads/');
    return new URL(`${url.pathname.slice(at)}${url.search}`, this.api.url);
  }
}
