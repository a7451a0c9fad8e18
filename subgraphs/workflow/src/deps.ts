import type { SubgraphDeps } from '@app/common';
import type { WorkflowConfig } from './config.js';

/** Process-wide dependencies of the workflow subgraph. */
export type WorkflowDeps = SubgraphDeps<WorkflowConfig>;

export const SOURCE = 'workflow';
/** Consumer group this subgraph reads the bus with (schema/README.md). */
export const CONSUMER_GROUP = 'workflow';
