import { DateTimeScalar, JSONScalar } from '@app/common';
import { AuditEntry } from './AuditEntry.js';
import { LegalHold } from './LegalHold.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { Submission } from './Submission.js';
import { User } from './User.js';

export const resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, AuditEntry, LegalHold, Sample, Submission, User };
