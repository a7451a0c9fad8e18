import { DateTimeScalar } from '@app/common';
import { ExtractionJob } from './ExtractionJob.js';
import { ExtractionResult } from './ExtractionResult.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { Submission } from './Submission.js';

export const resolvers = { DateTime: DateTimeScalar, Query, Mutation, ExtractionJob, ExtractionResult, Sample, Submission };
