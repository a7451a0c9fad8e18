// The public API of @app/gateway. Importing it starts nothing; the process entry is main.ts.
export { createGateway, type GatewayOptions, type GatewayServer } from './server.js';
export { DEFAULT_SUPERGRAPH_PATH, gatewayEnvSchema, loadGatewayConfig, type GatewayConfig } from './config.js';
export type { GatewayContext } from './context.js';
export { InvalidCredentialsError } from './auth/errors.js';
export { JwtUserTokenVerifier, createUserTokenVerifier, type JwtVerifierOptions, type UserTokenVerifier } from './auth/user-tokens.js';
export { HttpApiTokenResolver, type ApiTokenResolver, type HttpApiTokenResolverOptions } from './auth/api-tokens.js';
export { resolvePrincipal } from './auth/principal.js';
export {
  CLOSE_FORBIDDEN, CLOSE_RECONNECT, LIVE_GROUP, LiveSubscriptions, type LiveSubscriptionStats, type WorkflowLiveEvent,
} from './subscriptions/index.js';
export { QueryTooComplexError, queryLimitRules, type QueryLimits } from './limits/index.js';
export { listSubgraphs, resolveSubgraphUrl, serviceBaseUrl, type SubgraphEndpoint } from './subgraphs.js';
export {
  composeSupergraph, loadSubgraphSources, readSupergraphConfig, renderSupergraphFile, verifySupergraphLoads,
  type CompositionProblem, type CompositionResult, type SubgraphSource, type SupergraphConfig,
} from './composition.js';
