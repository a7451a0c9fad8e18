import type { SubgraphModule } from '@app/common';
import { loadAiConfig, type AiConfig } from './config.js';
import { createAiContext, type AiContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';

/** The ai subgraph: extraction jobs and their per-field results. Built here, started by the runtime. */
export const module: SubgraphModule<AiConfig, AiContext> = {
  name: 'ai',
  schema: 'ai',
  entities,
  migrations,
  loadConfig: loadAiConfig,
  build: (deps) => ({
    typeDefs,
    resolvers: resolvers as never,
    createContext: (base) => createAiContext(deps, base),
  }),
};
export { module as aiSubgraph };
