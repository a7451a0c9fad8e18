import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Priorities, SubmissionStatuses, type DeliveryMethod } from './enums.js';
import { BillingAccount } from './billing-account.entity.js';
import { Project } from './project.entity.js';

/** How the customer wants the data delivered (the form's delivery options, §3.10). */
export interface DataDeliveryPreferences {
  method: DeliveryMethod;
  path?: string | null;
  notifyEmails?: string[];
  notes?: string | null;
}

const searchTextOf = (e: { number: string; externalQuoteId?: string | null }) => `${e.number} ${e.externalQuoteId ?? ''}`.trim().toLowerCase();

/** One order from a customer (one quote = one submission = many samples). */
export const Submission = defineEntity({
  name: 'Submission',
  tableName: 'submission',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    number: p.string().length(30).unique(),
    project: () => p.manyToOne(Project),
    submitterId: p.uuid(),
    labId: p.string().length(100),
    externalQuoteId: p.string().length(100).nullable(),
    billingAccount: () => p.manyToOne(BillingAccount).nullable(),
    priority: p.enum([...Priorities]).default('NORMAL'),
    status: p.enum([...SubmissionStatuses]).default('DRAFT'),
    submittedAt: p.datetime().nullable(),
    receivedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    specialInstructions: p.text().nullable(),
    dataDeliveryPreferences: p.json<DataDeliveryPreferences>().nullable(),
    /** Maintained with its samples (derived, never set by clients). */
    sampleCount: p.integer().default(0),
    completedCount: p.integer().default(0),
    searchText: p.text().onCreate(searchTextOf).onUpdate(searchTextOf),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['labId'] }, { properties: ['project'] }, { properties: ['status'] }, { properties: ['createdAt', 'id'] }],
});
export type Submission = InferEntity<typeof Submission>;
