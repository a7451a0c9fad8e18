import { DateTimeScalar, JSONScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { IntakeJob } from './IntakeJob.js';
import { IntakeRow } from './IntakeRow.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Submission } from './Submission.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, IntakeJob, IntakeRow, Submission };
