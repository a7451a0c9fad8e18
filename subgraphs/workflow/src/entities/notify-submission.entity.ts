import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Read model of samples' submissions (SubmissionCreated/Updated): number, submitter and the delivery list. */
export const NotifySubmission = defineEntity({
  name: 'NotifySubmission',
  tableName: 'notify_submission',
  properties: {
    id: p.uuid().primary(),
    number: p.string().length(30).nullable(),
    labId: p.string().length(100).nullable(),
    submitterId: p.uuid().nullable(),
    /** The form's "Data Delivery Notification email addresses". */
    notifyEmails: p.json<string[]>().default([]),
    deliveryMethod: p.string().length(30).nullable(),
    updatedAt: p.datetime(),
  },
});
export type NotifySubmission = InferEntity<typeof NotifySubmission>;
