import { buildSchema, isObjectType, printSchema, type GraphQLFieldConfig, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { BusFeed } from './bus-feed.js';
import type { WorkflowLiveEvent } from './events.js';
import { extractionSubscriptionResolvers, type ExtractionProgressEvent } from './extraction-progress.js';
import type { GatewayQueries } from './gateway-queries.js';
import { intakeSubscriptionResolvers, type IntakeProgressEvent } from './intake-progress.js';
import { notificationSubscriptionResolvers, type LiveNotification } from './notification-feed.js';
import { workflowSubscriptionResolvers } from './workflow-fields.js';

type AnyField = GraphQLField<unknown, unknown> & Pick<GraphQLFieldConfig<unknown, unknown>, 'subscribe' | 'resolve'>;

/** A field of `type.field` in `schema`, if the supergraph has it. */
function fieldOf(schema: GraphQLSchema, type: string, field: string): AnyField | undefined {
  const named = schema.getType(type);
  return named && isObjectType(named) ? (named.getFields()[field] as AnyField | undefined) : undefined;
}

/** Optional live feeds beside workflow progress; a missing one leaves its field unresolved. */
export interface LiveFeeds {
  notifications?: BusFeed<LiveNotification>;
  extractions?: BusFeed<ExtractionProgressEvent>;
  intake?: BusFeed<IntakeProgressEvent>;
}

/**
 * The schema the WebSocket endpoint executes: a copy of the gateway's API schema (Apollo wraps
 * the original's resolvers in place) with the subscription fields wired to the live feeds.
 * Fields the supergraph lacks are skipped, so a gateway without the workflow subgraph still starts.
 * Everything else in a payload is resolved by hydration through the gateway.
 */
export function buildSubscriptionSchema(apiSchema: GraphQLSchema, workflow: BusFeed<WorkflowLiveEvent>, queries: GatewayQueries, feeds: LiveFeeds = {}): GraphQLSchema {
  const { notifications, extractions, intake } = feeds;
  // Without locations: the copy keeps its AST for the life of the process, and each node's Location
  // and token list (~1 MB for this supergraph) plus the printed text only served error positions.
  const schema = buildSchema(printSchema(apiSchema), { noLocation: true });
  const resolvers = workflowSubscriptionResolvers(workflow, queries);
  const progress = fieldOf(schema, 'Subscription', 'workflowProgress');
  if (progress) Object.assign(progress, { subscribe: resolvers.subscribeProgress, resolve: resolvers.resolveEvent });
  const events = fieldOf(schema, 'Subscription', 'workflowEvents');
  if (events) Object.assign(events, { subscribe: resolvers.subscribeEvents, resolve: resolvers.resolveEvent });
  const sample = fieldOf(schema, 'WorkflowEvent', 'sample');
  if (sample) sample.resolve = resolvers.resolveSample as AnyField['resolve'];
  const added = notifications ? fieldOf(schema, 'Subscription', 'notificationAdded') : undefined;
  if (added && notifications) Object.assign(added, notificationSubscriptionResolvers(notifications));
  const extraction = extractions && fieldOf(schema, 'Subscription', 'extractionProgress');
  if (extraction) Object.assign(extraction, extractionSubscriptionResolvers(extractions, queries));
  const intakeProgress = intake && fieldOf(schema, 'Subscription', 'intakeProgress');
  if (intakeProgress) Object.assign(intakeProgress, intakeSubscriptionResolvers(intake, queries));
  return schema;
}
