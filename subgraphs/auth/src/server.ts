import type { SubgraphModule, BackgroundTask } from '@app/common';
import { loadAuthConfig, type AuthConfig } from './config.js';
import { createAuthContext, type AuthContext } from './context.js';
import type { AuthDeps } from './deps.js';
import { entities } from './entities/index.js';
import { loadKeyRing } from './keys/key-ring.js';
import { migrations } from './migrations/index.js';
import { resolvers } from './resolvers/index.js';
import { authRoutes } from './routes/index.js';
import { typeDefs } from './schema.js';
import { bootstrapFirstAdmin } from './services/admin-bootstrap.js';
import { PasswordHasher } from './services/password-hasher.js';

/** Creates the first admin on a fresh database (see services/admin-bootstrap.ts). */
function bootstrapTask(deps: AuthDeps): BackgroundTask {
  return {
    name: 'bootstrap-admin',
    start: async () => {
      try {
        await bootstrapFirstAdmin(deps, deps.logger);
      } catch (err) {
        // Another replica may have won the race; the subgraph still serves.
        deps.logger.error({ err }, 'creating the first admin failed');
      }
    },
    stop: async () => {},
  };
}

/** The auth subgraph: users, sessions, API tokens and the JWKS. Built here, started by the runtime. */
export const module: SubgraphModule<AuthConfig, AuthContext> = {
  name: 'auth',
  schema: 'auth',
  entities,
  migrations,
  loadConfig: loadAuthConfig,
  build: async (base) => {
    const deps: AuthDeps = { ...base, keys: await loadKeyRing(base.config, base.logger), passwords: new PasswordHasher(base.config) };
    return {
      typeDefs,
      resolvers,
      createContext: (ctx) => createAuthContext(deps, ctx),
      routes: authRoutes(deps),
      background: [bootstrapTask(deps)],
    };
  },
};
export { module as authSubgraph };
