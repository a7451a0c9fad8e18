import { BillingAccount } from './billing-account.entity.js';
import { ExportJob } from './export-job.entity.js';
import { Project } from './project.entity.js';
import { Sample, totalAmountOf } from './sample.entity.js';
import { SampleCount, SampleCountDelta } from './sample-count.entity.js';
import { Submission } from './submission.entity.js';

export { BillingAccount, ExportJob, Project, Sample, SampleCount, SampleCountDelta, Submission, totalAmountOf };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [BillingAccount, Project, Submission, Sample, SampleCount, SampleCountDelta, ExportJob];
