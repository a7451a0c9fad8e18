import { DateTimeScalar, JSONScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { AuditEntry } from './AuditEntry.js';
import { LegalHold } from './LegalHold.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { Submission } from './Submission.js';
import { User } from './User.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, AuditEntry, LegalHold, Sample, Submission, User };
