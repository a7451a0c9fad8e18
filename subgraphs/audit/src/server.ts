import type { SubgraphModule } from '@app/common';
import { loadAuditConfig, type AuditConfig } from './config.js';
import { createAuditContext, type AuditContext } from './context.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import { AuditCapture } from './services/capture.js';

/** The audit subgraph: records every domain event in a hash chain and serves it. Built here, started by the runtime. */
export const module: SubgraphModule<AuditConfig, AuditContext> = {
  name: 'audit',
  schema: 'audit',
  entities,
  migrations,
  loadConfig: loadAuditConfig,
  build: (deps) => ({
    typeDefs,
    resolvers,
    createContext: (base) => createAuditContext(deps, base),
    background: [new AuditCapture(deps)],
  }),
};
export { module as auditSubgraph };
