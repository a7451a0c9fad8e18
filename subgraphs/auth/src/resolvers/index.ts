import { DateTimeScalar } from '@app/common';
import { ApiToken } from './ApiToken.js';
import { AuthPayload } from './AuthPayload.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { User } from './User.js';

export const resolvers = { DateTime: DateTimeScalar, Query, Mutation, User, ApiToken, AuthPayload };
