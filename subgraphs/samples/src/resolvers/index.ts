import { DateTimeScalar, JSONScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { BillingAccount } from './BillingAccount.js';
import { ExportJob } from './ExportJob.js';
import { Mutation } from './Mutation.js';
import { Project } from './Project.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { SampleConnection } from './SampleConnection.js';
import { Submission } from './Submission.js';
import { User } from './User.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, Project, Submission, Sample, SampleConnection, BillingAccount, ExportJob, User };
