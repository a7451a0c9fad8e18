import type { SubgraphDeps } from '@app/common';
import type { FilesConfig } from './config.js';
import type { VersionScanner } from './scanning/scanner.js';
import type { UrlSigner } from './services/url-signer.js';
import type { FileStorage } from './storage/index.js';

/** Process-wide dependencies of the files subgraph. */
export interface FilesDeps extends SubgraphDeps<FilesConfig> {
  storage: FileStorage;
  signer: UrlSigner;
  /** Present when CLAMD_URL is set: new versions wait in quarantine for its verdict. */
  scanner: VersionScanner | null;
}

export const SOURCE = 'files';
/** The bus consumer group of this subgraph (audit's legal holds). */
export const CONSUMER_GROUP = 'files';
