import type { SubgraphModule } from '@app/common';
import { loadSamplesConfig, type SamplesConfig } from './config.js';
import { createSamplesContext, type SamplesContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';

/** The samples subgraph: projects, submissions and samples. Built here, started by the runtime. */
export const module: SubgraphModule<SamplesConfig, SamplesContext> = {
  name: 'samples',
  schema: 'samples',
  entities,
  migrations,
  loadConfig: loadSamplesConfig,
  build: (deps) => ({
    typeDefs,
    resolvers: resolvers as never,
    createContext: (base) => createSamplesContext(deps, base),
  }),
};
export { module as samplesSubgraph };
