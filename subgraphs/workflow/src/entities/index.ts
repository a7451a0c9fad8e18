import { StepSignature } from './step-signature.entity.js';
import { StepTransition } from './step-transition.entity.js';
import { SubmissionReceipt } from './submission-receipt.entity.js';
import { Workflow } from './workflow.entity.js';
import { WorkflowStep } from './workflow-step.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationDelivery } from './notification-delivery.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';
import { NotificationUnsubscribe } from './notification-unsubscribe.entity.js';
import { NotifySample } from './notify-sample.entity.js';
import { NotifySetting } from './notify-setting.entity.js';
import { NotifySubmission } from './notify-submission.entity.js';
import { NotifyUser } from './notify-user.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { FlowCell } from './flow-cell.entity.js';
import { FlowCellPoreCount } from './flow-cell-pore-count.entity.js';
import { FlowCellWash } from './flow-cell-wash.entity.js';
import { Pool } from './pool.entity.js';
import { PoolMember } from './pool-member.entity.js';
import { SequencingRun } from './sequencing-run.entity.js';
import { RunBarcodeYield } from './run-barcode-yield.entity.js';

export { StepSignature, StepTransition, SubmissionReceipt, Workflow, WorkflowStep };
export { Notification, NotificationDelivery, NotificationPreference, NotificationUnsubscribe, NotifySample, NotifySetting, NotifySubmission, NotifyUser, WebhookEndpoint };
export { FlowCell, FlowCellPoreCount, FlowCellWash, Pool, PoolMember, SequencingRun, RunBarcodeYield };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [
  Workflow, WorkflowStep, StepTransition, SubmissionReceipt,
  Notification, NotificationDelivery, NotificationPreference, NotificationUnsubscribe, NotifySample, NotifySetting, NotifySubmission, NotifyUser, WebhookEndpoint,
  FlowCell, FlowCellPoreCount, FlowCellWash, Pool, PoolMember, SequencingRun, RunBarcodeYield,
  StepSignature,
];
