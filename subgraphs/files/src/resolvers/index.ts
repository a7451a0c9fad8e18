import { DateTimeScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { FileVersion } from './FileVersion.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { StoredFile } from './StoredFile.js';
import { Submission } from './Submission.js';
import { Upload } from './Upload.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Upload, Query, Mutation, StoredFile, FileVersion, Sample, Submission };
