import { randomBytes } from 'node:crypto';
import type { SubgraphDeps, SubgraphModule } from '@app/common';
import { createLegalHoldsConsumer } from './background/legal-holds.consumer.js';
import { loadFilesConfig, type FilesConfig } from './config.js';
import { createFilesContext, type FilesContext } from './context.js';
import type { FilesDeps } from './deps.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { registerFileRoutes } from './routes/index.js';
import { ClamdClient } from './scanning/clamd.js';
import { VersionScanner } from './scanning/scanner.js';
import { typeDefs } from './schema.js';
import { UrlSigner } from './services/url-signer.js';
import { openStorage, type FileStorage } from './storage/index.js';

function createScanner(base: SubgraphDeps<FilesConfig>, storage: FileStorage): VersionScanner | null {
  const { config } = base;
  if (!config.CLAMD_URL) return null;
  return new VersionScanner({
    orm: base.orm, schema: base.schema, storage, logger: base.logger, now: base.now,
    clamd: new ClamdClient(config.CLAMD_URL, config.FILES_SCAN_TIMEOUT_MS),
    retryMs: config.FILES_SCAN_RETRY_MS, staleMs: Math.max(config.FILES_SCAN_RETRY_MS, config.FILES_SCAN_TIMEOUT_MS),
  });
}

/** The files subgraph: stored files, their versions, multipart uploads and signed URLs. */
export const module: SubgraphModule<FilesConfig, FilesContext> = {
  name: 'files',
  schema: 'files',
  entities,
  migrations,
  loadConfig: loadFilesConfig,
  build: async (base) => {
    const { config, logger } = base;
    if (!config.FILES_SIGNING_SECRET) logger.warn('FILES_SIGNING_SECRET is not set: signed URLs stop working when this process restarts');
    if (!config.CLAMD_URL) logger.info('CLAMD_URL is not set: uploads are not scanned for viruses');
    const secret = config.FILES_SIGNING_SECRET ?? randomBytes(32).toString('base64url');
    const storage = await openStorage(config);
    const scanner = createScanner(base, storage);
    const deps: FilesDeps = { ...base, storage, scanner, signer: new UrlSigner(secret, config.FILES_PUBLIC_URL ?? '') };
    return {
      typeDefs,
      resolvers,
      createContext: (ctx) => createFilesContext(deps, ctx),
      routes: (app, authenticate) => registerFileRoutes(app, deps, authenticate),
      background: [createLegalHoldsConsumer(deps), ...(scanner ? [scanner] : [])],
    };
  },
};
export { module as filesSubgraph };
