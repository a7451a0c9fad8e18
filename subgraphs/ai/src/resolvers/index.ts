import { DateTimeScalar, uploadScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ExtractedSample } from './ExtractedSample.js';
import { ExtractionJob } from './ExtractionJob.js';
import { ExtractionResult } from './ExtractionResult.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { Submission } from './Submission.js';

/** `startPdfExtraction(input: { upload })`: an inline or non-file value is refused naming `input.upload`. */
const Upload = uploadScalar('input.upload');

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Upload, Query, Mutation, ExtractionJob, ExtractionResult, ExtractedSample, Sample, Submission };
