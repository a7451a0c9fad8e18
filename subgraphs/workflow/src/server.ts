import type { SubgraphModule } from '@app/common';
import { createFlowCellExpiryScheduler } from './background/flow-cell-expiry.scheduler.js';
import { createOverdueScheduler } from './background/overdue.scheduler.js';
import { createSampleEventsConsumer } from './background/sample-events.consumer.js';
import { loadWorkflowConfig, type WorkflowConfig } from './config.js';
import { createWorkflowContext, type WorkflowContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { workflowRoutes } from './routes/index.js';
import { createNotificationRuntime } from './services/notifications/runtime.js';
import { typeDefs } from './schema.js';

/** The workflow subgraph: the 8-step state machine per sample. Built here, started by the runtime. */
export const module: SubgraphModule<WorkflowConfig, WorkflowContext> = {
  name: 'workflow',
  schema: 'workflow',
  entities,
  migrations,
  loadConfig: loadWorkflowConfig,
  build: (deps) => {
    const notifications = createNotificationRuntime(deps);
    return {
      typeDefs,
      resolvers,
      createContext: (base) => createWorkflowContext(deps, base),
      routes: (app, authenticate) => {
        notifications.routes(app);
        workflowRoutes(deps)(app, authenticate);
      },
      background: [createSampleEventsConsumer(deps), createOverdueScheduler(deps), createFlowCellExpiryScheduler(deps), ...notifications.background],
    };
  },
};
export { module as workflowSubgraph };
