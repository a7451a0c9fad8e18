import { DateTimeScalar } from '@app/common';
import { FileVersion } from './FileVersion.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { StoredFile } from './StoredFile.js';
import { Submission } from './Submission.js';
import { Upload } from './Upload.js';

export const resolvers = { DateTime: DateTimeScalar, Upload, Query, Mutation, StoredFile, FileVersion, Sample, Submission };
