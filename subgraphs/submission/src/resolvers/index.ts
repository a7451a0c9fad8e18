import { DateTimeScalar, JSONScalar } from '@app/common';
import { IntakeJob } from './IntakeJob.js';
import { IntakeRow } from './IntakeRow.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Submission } from './Submission.js';

export const resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, IntakeJob, IntakeRow, Submission };
