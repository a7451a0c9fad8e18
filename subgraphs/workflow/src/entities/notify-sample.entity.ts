import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Read model of samples' samples (SampleCreated/SampleAssigned): the facts e-mails quote and the assignee. */
export const NotifySample = defineEntity({
  name: 'NotifySample',
  tableName: 'notify_sample',
  properties: {
    id: p.uuid().primary(),
    submissionId: p.uuid().nullable(),
    labId: p.string().length(100).nullable(),
    name: p.string().length(255),
    number: p.integer().nullable(),
    sampleType: p.string().length(20).nullable(),
    assigneeId: p.uuid().nullable(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['submissionId'] }],
});
export type NotifySample = InferEntity<typeof NotifySample>;
