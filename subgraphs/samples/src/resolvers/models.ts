/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers,
 * see codegen.json): connections as services build them, and the User stub this subgraph extends.
 */
import type { Connection } from '@app/common';
import type { BillingAccount, Project, Sample, Submission } from '../entities/index.js';
import type { SampleStats } from '../services/sample-query.service.js';
import type { BulkResult } from '../services/sample.service.js';

/**
 * A sample as list queries read it (a plain row, keysetRows): the entity's fields, with the
 * submission and project rows in `joined` when the list read them in its statement, and the
 * submission and billing account as their ids.
 */
export type SampleRow = Omit<Sample, 'submission' | 'billingAccount'> & { submission: string; billingAccount: string | null; joined?: { submission?: SubmissionRow | null; project?: ProjectRow | null } };
/** What a Sample resolver receives: an entity (by-id loads, mutations) or a plain row (lists). */
export type SampleModel = Sample | SampleRow;
/** totalCountIsExact is set by lists whose total may be an estimate; the others are counted. */
export type SampleConnection = Connection<SampleModel> & { totalCountIsExact?: () => Promise<boolean> };
/** A submission read as a plain row (labScopedRowLoader): the entity's fields, project and billing account as ids. */
export type SubmissionRow = Omit<Submission, 'project' | 'billingAccount'> & { project: string; billingAccount: string | null };
/** What a Submission resolver receives: an entity or a plain row. */
export type SubmissionModel = Submission | SubmissionRow;
/** A project read as a plain row: it has no relations, so the row has exactly the entity's fields. */
export type ProjectRow = Project;
export type SubmissionConnection = Connection<Submission>;
export type ProjectConnection = Connection<Project>;
export type BillingAccountConnection = Connection<BillingAccount>;
export type { SampleStats, BulkResult as BulkSampleResult };
/** Another subgraph's user, known here by id only. */
export interface User { id: string }

