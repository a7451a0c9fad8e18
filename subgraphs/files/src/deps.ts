import type { SubgraphDeps } from '@app/common';
import type { FilesConfig } from './config.js';
import type { UrlSigner } from './services/url-signer.js';
import type { FileStorage } from './storage/storage.js';

/** Process-wide dependencies of the files subgraph. */
export interface FilesDeps extends SubgraphDeps<FilesConfig> {
  storage: FileStorage;
  signer: UrlSigner;
}

export const SOURCE = 'files';
