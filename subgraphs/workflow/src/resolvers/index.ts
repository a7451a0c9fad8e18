import { DateTimeScalar, uploadScalar } from '@app/common';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { BarcodeKit } from './BarcodeKit.js';
import { FlowCell } from './FlowCell.js';
import { FlowCellPoreCount } from './FlowCellPoreCount.js';
import { FlowCellWash } from './FlowCellWash.js';
import { Mutation } from './Mutation.js';
import { Pool } from './Pool.js';
import { PoolMember } from './PoolMember.js';
import { Query } from './Query.js';
import { RunBarcodeYield } from './RunBarcodeYield.js';
import { SequencingRun } from './SequencingRun.js';
import { Sample } from './Sample.js';
import { SequencingSetupResults } from './SequencingSetupResults.js';
import { StepSignature } from './StepSignature.js';
import { StepTransition } from './StepTransition.js';
import { WebhookEndpoint } from './WebhookEndpoint.js';
import { WorkQueueItem } from './WorkQueueItem.js';
import { Workflow } from './Workflow.js';
import { StepResults, WorkflowStep } from './WorkflowStep.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar, Upload: uploadScalar('input.sequencingSummaryUpload'), Query, Mutation, Sample, Workflow, WorkflowStep, StepResults, StepTransition, StepSignature, WorkQueueItem, WebhookEndpoint,
  SequencingSetupResults, FlowCell, FlowCellPoreCount, FlowCellWash, Pool, PoolMember, BarcodeKit, SequencingRun, RunBarcodeYield,
};
