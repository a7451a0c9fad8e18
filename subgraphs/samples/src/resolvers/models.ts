/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers,
 * see codegen.json): connections as services build them, and the User stub this subgraph extends.
 */
import type { Connection } from '@app/common';
import type { BillingAccount, Project, Sample, Submission } from '../entities/index.js';
import type { SampleStats } from '../services/sample-query.service.js';
import type { BulkResult } from '../services/sample.service.js';

/** totalCountIsExact is set by lists whose total may be an estimate; the others are counted. */
export type SampleConnection = Connection<Sample> & { totalCountIsExact?: () => Promise<boolean> };
export type SubmissionConnection = Connection<Submission>;
export type ProjectConnection = Connection<Project>;
export type BillingAccountConnection = Connection<BillingAccount>;
export type { SampleStats, BulkResult as BulkSampleResult };
/** Another subgraph's user, known here by id only. */
export interface User { id: string }

