import type { SubgraphModule } from '@app/common';
import { createSampleLinksConsumer } from './background/intake-events.consumer.js';
import { loadAiConfig, type AiConfig } from './config.js';
import { createAiContext, type AiContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { registerAiRoutes } from './routes/index.js';
import { typeDefs } from './schema.js';
import { createAssistance } from './services/assist/create-assistance.js';
import { ExtractionWorker } from './worker/extraction-worker.js';

/** The ai subgraph: extraction jobs, their per-field results and the PDF worker. Built here, started by the runtime. */
export const module: SubgraphModule<AiConfig, AiContext> = {
  name: 'ai',
  schema: 'ai',
  entities,
  migrations,
  loadConfig: loadAiConfig,
  build: async (deps) => {
    const { memory, assistant } = await createAssistance(deps);
    return {
      typeDefs,
      resolvers,
      createContext: (base) => createAiContext(deps, memory, base),
      routes: (app, authenticate) => registerAiRoutes(app, deps, authenticate),
      background: [new ExtractionWorker(deps, assistant), createSampleLinksConsumer(deps)],
    };
  },
};
export { module as aiSubgraph };
export { ExtractionWorker } from './worker/extraction-worker.js';
