import { StepTransition } from './step-transition.entity.js';
import { SubmissionReceipt } from './submission-receipt.entity.js';
import { Workflow } from './workflow.entity.js';
import { WorkflowStep } from './workflow-step.entity.js';

export { StepTransition, SubmissionReceipt, Workflow, WorkflowStep };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [Workflow, WorkflowStep, StepTransition, SubmissionReceipt];
