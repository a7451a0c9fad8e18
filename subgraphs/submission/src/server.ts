import type { SubgraphModule } from '@app/common';
import { loadSubmissionConfig, type SubmissionConfig } from './config.js';
import { createSubmissionContext, type SubmissionContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { mountTemplateRoutes } from './routes/templates.js';
import { mountUploadRoutes } from './routes/uploads.js';
import { typeDefs } from './schema.js';
import { createAcceptedExtractionConsumer } from './background/extraction-events.consumer.js';
import { InFlightCommits } from './services/in-flight.js';

/** The submission subgraph: intake jobs that read CSV/XLSX sample sheets or accepted quote PDFs, check them with samples and commit them as samples. */
export const module: SubgraphModule<SubmissionConfig, SubmissionContext> = {
  name: 'submission',
  schema: 'submission',
  entities,
  migrations,
  loadConfig: loadSubmissionConfig,
  build: (base) => {
    const commits = new InFlightCommits();
    const deps = { ...base, commits };
    return {
      typeDefs,
      resolvers,
      createContext: (ctx) => createSubmissionContext(deps, ctx),
      routes: (app, authenticate) => {
        mountTemplateRoutes(app, authenticate);
        mountUploadRoutes(app, authenticate, deps);
      },
      background: [commits, createAcceptedExtractionConsumer(deps)],
    };
  },
};
export { module as submissionSubgraph };
