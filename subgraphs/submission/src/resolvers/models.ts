/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers, see
 * codegen.json): connections as services build them, and the entity stubs this subgraph extends,
 * known here by id only.
 */
import type { Connection } from '@app/common';
import type { IntakeJob, IntakeRow } from '../entities/index.js';

export type IntakeJobConnection = Connection<IntakeJob>;
export type IntakeRowConnection = Connection<IntakeRow>;
/** Served by the gateway from bus events; the subgraph never resolves it. */
export interface IntakeProgress { jobId: string }
export interface EntityStub { id: string }
