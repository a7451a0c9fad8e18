import type { SubgraphModule } from '@app/common';
import { loadSubmissionConfig, type SubmissionConfig } from './config.js';
import { createSubmissionContext, type SubmissionContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';

/** The submission subgraph: intake jobs that parse CSV/XLSX sample sheets into checked draft rows. */
export const module: SubgraphModule<SubmissionConfig, SubmissionContext> = {
  name: 'submission',
  schema: 'submission',
  entities,
  migrations,
  loadConfig: loadSubmissionConfig,
  build: (deps) => ({
    typeDefs,
    resolvers: resolvers as never,
    createContext: (base) => createSubmissionContext(deps, base),
  }),
};
export { module as submissionSubgraph };
