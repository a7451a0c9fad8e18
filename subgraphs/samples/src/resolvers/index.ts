import { DateTimeScalar } from '@app/common';
import { Mutation } from './Mutation.js';
import { Project } from './Project.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { Submission } from './Submission.js';
import { User } from './User.js';

export const resolvers = { DateTime: DateTimeScalar, Query, Mutation, Project, Submission, Sample, User };
