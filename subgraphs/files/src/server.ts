import { randomBytes } from 'node:crypto';
import type { SubgraphModule } from '@app/common';
import { loadFilesConfig, type FilesConfig } from './config.js';
import { createFilesContext, type FilesContext } from './context.js';
import type { FilesDeps } from './deps.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { registerFileRoutes } from './routes/index.js';
import { typeDefs } from './schema.js';
import { UrlSigner } from './services/url-signer.js';
import { LocalDiskStorage } from './storage/local-disk.js';

/** The files subgraph: stored files, their versions and signed upload/download URLs. */
export const module: SubgraphModule<FilesConfig, FilesContext> = {
  name: 'files',
  schema: 'files',
  entities,
  migrations,
  loadConfig: loadFilesConfig,
  build: async (base) => {
    const { config, logger } = base;
    if (!config.FILES_SIGNING_SECRET) logger.warn('FILES_SIGNING_SECRET is not set: signed URLs stop working when this process restarts');
    const secret = config.FILES_SIGNING_SECRET ?? randomBytes(32).toString('base64url');
    const storage = await LocalDiskStorage.open(config.FILES_DIR);
    const deps: FilesDeps = { ...base, storage, signer: new UrlSigner(secret, config.FILES_PUBLIC_URL ?? '') };
    return {
      typeDefs,
      resolvers: resolvers as never,
      createContext: (ctx) => createFilesContext(deps, ctx),
      routes: (app) => registerFileRoutes(app, deps),
    };
  },
};
export { module as filesSubgraph };
