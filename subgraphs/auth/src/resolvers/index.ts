import { DateTimeScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ApiToken } from './ApiToken.js';
import { AuthPayload } from './AuthPayload.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RecordSignature } from './RecordSignature.js';
import { User } from './User.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, User, ApiToken, AuthPayload, RecordSignature };
