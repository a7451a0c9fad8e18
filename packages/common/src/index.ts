export { ConfigError, baseEnvSchema, dataServiceEnvSchema, envBoolean, envPort, loadConfig } from './config.js';
export { createLogger, requestLogger, type Logger } from './logger.js';
export {
  AppError, ConflictError, ErrorCode, ForbiddenError, InvalidTransitionError, NotFoundError, RateLimitedError, SignatureError,
  UnauthenticatedError, ValidationError, createErrorFormatter, type FieldProblem,
} from './errors.js';
export { Problems, isUuid } from './validation.js';
export { createMetrics, metricsPlugin, type ServiceMetrics } from './metrics.js';
export { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, createHttpApp, jsonBody, requestIds, type ReadinessCheck } from './http/app.js';
export { listenHttp } from './http/listen.js';
export { multipartUploads, uploadNotReceived, uploadRefusal, type MultipartLimits, type UploadRefusal } from './http/multipart.js';
export { readStoredFile, type StoredFileDownload } from './http/stored-file-download.js';
export { deferCommonJsModule, isCommonJsModuleLoaded } from './defer-require.js';
export { loadOnce } from './load-once.js';
export { closeHttpServer, registerShutdown, runShutdown, type ShutdownStep } from './shutdown.js';

export { ANONYMOUS, Roles, SYSTEM, Vias, type ClientInfo, type Principal, type Role, type Via } from './identity/principal.js';
export {
  SIGNING_ALG, exportKeyPairPem, generateSigningKeyPair, importPrivateKey, importPublicKey, publicJwk, type SigningKeyPair,
} from './identity/keys.js';
export { CredentialCache } from './identity/credential-cache.js';
export { INTERNAL_ISSUER, INTERNAL_TOKEN_HEADER, InternalTokenIssuer, delegateTokenHeader, delegateUrlHeader, InternalTokenVerifier, type VerifiedInternalCall } from './identity/internal-token.js';
export {
  RECENT_SIGN_IN_SECONDS, SIGNATURE_AUDIENCE, SIGNATURE_MAX_AGE_SECONDS, SIGNATURE_TOKEN_TYPE, SignatureMeanings, SignatureMethods,
  authKeySource, canonicalRecord, recordHash, signSignatureToken, verifySignatureToken,
  type AuthKeySource, type AuthTokenTrust, type SignableRecord, type SignatureClaims, type SignatureMeaning, type SignatureMethod,
} from './identity/signature.js';
export {
  ApiScopes, canSeeLab, isStaff, labScope, requireAuthenticated, requireRead, requireRole, requireScope, requireWrite, visibilityKey, type ApiScope,
} from './identity/authorization.js';

export { createEvent, diffFields, isDomainEvent, type DomainEvent, type EventActor, type EventOrigin, type EventSubject, type NewEvent } from './events/envelope.js';
// Every event name (EventTypes, StepEventTypes), the sample status list and every payload type.
export * from './events/contracts.js';
export { parseDelivery, type BatchDeliveryHandler, type BusSubscription, type Delivery, type DeliveryHandler, type EventBus, type SubscribeOptions } from './events/bus.js';
export { InProcessBus } from './events/in-process-bus.js';
export { RedisStreamsBus, type RedisBusOptions } from './events/redis-bus.js';
export { emitEvent, outboxInsert, recordEvents, type OutboxInsert } from './events/outbox.js';
export { OutboxRelay, type OutboxRelayOptions } from './events/relay.js';
export { consumeBatchOnce, consumeOnce, recordDeadLetter } from './events/inbox.js';
export { createEventConsumer, UnusableEventError, type EventConsumerOptions } from './events/consumer.js';

export { initOrm, type OrmOptions } from './db/orm.js';
export { executeBound, qualified } from './db/sql.js';
export { NEWEST_FIRST, afterPosition, decodePosition, keysetPage, keysetRows, orderOf, positionOf, type KeysetPageOptions, type KeysetRowsOptions, type SortKey } from './db/keyset.js';
export { joinedRow, selectRows, type PlainJoin } from './db/plain-rows.js';
export { selectedFields } from './graphql/selection.js';
export { byIdLoader, byIdRowLoader, knownToExist, labScopedByIdLoader, labScopedRowLoader, refId, type ByIdOptions } from './db/loaders.js';
export { LabScopedReads, type LabScopedReadsOptions } from './db/lab-scoped-reads.js';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './db/embedded-postgres.js';

export { DateTimeScalar, JSONScalar } from './graphql/scalars.js';
export { readContract } from './graphql/contract.js';
export { uploadScalar, type FileUpload, type UploadPart } from './graphql/upload.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type Edge, type PageArgs } from './graphql/pagination.js';

export { eventOrigin, readDelegates, type BaseContext, type Delegate } from './subgraph/context.js';
export { DelegateClient, DelegatedCallError } from './subgraph/delegate-client.js';
export {
  createSubgraphServer, internalAuth, type AuthenticateMiddleware, type LocalGraphQLHandler, type LocalGraphQLRequest, type LocalGraphQLResponse, type SubgraphResolvers,
  type SubgraphServer, type SubgraphServerOptions,
} from './subgraph/server.js';
export type { BackgroundTask, SubgraphDeps, SubgraphModule, SubgraphParts } from './subgraph/module.js';
export { createBus, startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from './subgraph/runtime.js';
export { runSubgraphProcess } from './subgraph/process.js';
export { withTimeout } from './timeout.js';
