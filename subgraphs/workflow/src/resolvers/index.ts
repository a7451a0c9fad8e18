import { DateTimeScalar } from '@app/common';
import { Mutation } from './Mutation.js';
import { NotificationMutation, NotificationQuery, WebhookEndpoint } from './notification-operations.js';
import { Query } from './Query.js';
import { Sample } from './Sample.js';
import { StepTransition } from './StepTransition.js';
import { WorkQueueItem } from './WorkQueueItem.js';
import { Workflow } from './Workflow.js';
import { StepResults, WorkflowStep } from './WorkflowStep.js';

export const resolvers = {
  DateTime: DateTimeScalar, Query: { ...Query, ...NotificationQuery }, Mutation: { ...Mutation, ...NotificationMutation },
  Sample, Workflow, WorkflowStep, StepResults, StepTransition, WorkQueueItem, WebhookEndpoint,
};
