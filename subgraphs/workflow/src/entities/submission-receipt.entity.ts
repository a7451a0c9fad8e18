import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** When a submission was received (SubmissionReceived): samples added later start their SLA clock from it. */
export const SubmissionReceipt = defineEntity({
  name: 'SubmissionReceipt',
  tableName: 'submission_receipt',
  properties: {
    submissionId: p.uuid().primary(),
    receivedAt: p.datetime(),
  },
});
export type SubmissionReceipt = InferEntity<typeof SubmissionReceipt>;
