import type { SubgraphModule } from '@app/common';
import { loadSamplesConfig, type SamplesConfig } from './config.js';
import { createSamplesContext, type SamplesContext } from './context.js';
import { entities } from './entities/index.js';
import { samplesRoutes } from './routes/index.js';
import { ExportRunner } from './exports/runner.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import { SampleCountCompactor } from './services/sample-count-compactor.js';
import { SampleStatusConsumer } from './services/status-consumer.js';

/** The samples subgraph: projects, submissions, samples, billing accounts and exports. Built here, started by the runtime. */
export const module: SubgraphModule<SamplesConfig, SamplesContext> = {
  name: 'samples',
  schema: 'samples',
  entities,
  migrations,
  loadConfig: loadSamplesConfig,
  build: (deps) => {
    const runner = new ExportRunner(deps);
    return {
      typeDefs,
      resolvers,
      createContext: (base) => createSamplesContext(deps, runner, base),
      routes: samplesRoutes(deps, runner),
      background: [runner, new SampleStatusConsumer(deps), new SampleCountCompactor(deps)],
    };
  },
};
export { module as samplesSubgraph };
export { seedDemoData } from './seed.js';
