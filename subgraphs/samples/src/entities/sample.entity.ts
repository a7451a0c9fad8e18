import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  FlowCellDevices, MaterialTypes, PoreChemistries, Priorities, SampleStatuses, SampleTypes, priorityRank, statusRank,
  type Priority, type SampleStatus,
} from './enums.js';
import { BillingAccount } from './billing-account.entity.js';
import { Submission } from './submission.entity.js';

type Measured = { qubitConcentration?: number | null; nanodropConcentration?: number | null; volume?: number | null };

/** ng = ng/µL × µL, preferring the fluorometric (Qubit) reading; null when either is missing. */
export function totalAmountOf(s: Measured): number | null {
  const concentration = s.qubitConcentration ?? s.nanodropConcentration ?? null;
  if (concentration === null || s.volume === null || s.volume === undefined) return null;
  return Math.round(concentration * s.volume * 1000) / 1000;
}

/** What lists search in: the name and the submission number, lower-cased. */
export const searchTextOf = (e: { name: string; submissionNumber: string }) => `${e.name} ${e.submissionNumber}`.toLowerCase();

type NewSample = Measured & { name: string; submissionNumber: string; priority?: Priority | null; status?: SampleStatus | null };

/**
 * The columns a new sample derives from its fields, for the onCreate hooks below and for addSamples'
 * bulk insert (which bypasses the hooks): one function, so the two cannot differ. Status and priority
 * not set yet are the columns' defaults (a hook once ranked an unset status -1 instead of SUBMITTED's 0).
 */
export function derivedOnCreate(e: NewSample) {
  return {
    totalAmount: totalAmountOf(e), priorityRank: priorityRank(e.priority ?? 'NORMAL'), statusRank: statusRank(e.status ?? 'SUBMITTED'), searchText: searchTextOf(e),
  };
}

/** One tube of material, tracked from submission to data delivery. */
export const Sample = defineEntity({
  name: 'Sample',
  tableName: 'sample',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    submission: () => p.manyToOne(Submission),
    /** Copied from the submission (both immutable) so lists filter and search without joins. */
    submissionNumber: p.string().length(30),
    projectId: p.uuid(),
    number: p.integer(),
    name: p.string().length(255),
    sampleType: p.enum([...SampleTypes]),
    materialType: p.enum([...MaterialTypes]).nullable(),
    labId: p.string().length(100),
    organism: p.string().length(200).nullable(),
    buffer: p.string().length(100).nullable(),
    qubitConcentration: p.double().$type<number>().nullable(),
    nanodropConcentration: p.double().$type<number>().nullable(),
    volume: p.double().$type<number>().nullable(),
    totalAmount: p.double().$type<number>().nullable().onCreate((e) => derivedOnCreate(e).totalAmount as number).onUpdate((e) => totalAmountOf(e) as number),
    a260280: p.double().$type<number>().nullable().fieldName('a260_280'),
    a260230: p.double().$type<number>().nullable().fieldName('a260_230'),
    fragmentSize: p.integer().nullable(),
    flowCellDevice: p.enum([...FlowCellDevices]).nullable(),
    poreChemistry: p.enum([...PoreChemistries]).nullable(),
    flowCellCount: p.smallint().default(1),
    billingAccount: () => p.manyToOne(BillingAccount).nullable(),
    priority: p.enum([...Priorities]).default('NORMAL'),
    priorityRank: p.smallint().onCreate((e) => derivedOnCreate(e).priorityRank).onUpdate((e) => priorityRank(e.priority as Priority)),
    status: p.enum([...SampleStatuses]).default('SUBMITTED'),
    statusRank: p.smallint().onCreate((e) => derivedOnCreate(e).statusRank).onUpdate((e) => statusRank(e.status as SampleStatus)),
    statusChangedAt: p.datetime().nullable(),
    assigneeId: p.uuid().nullable(),
    isControl: p.boolean().default(false),
    notes: p.text().nullable(),
    /** The client's key for the sample (intake: `intake:<job>:<row>`), so a retried import finds it instead of adding it twice. */
    externalKey: p.string().length(200).nullable(),
    submittedAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
    archivedAt: p.datetime().nullable(),
    searchText: p.text().onCreate((e) => derivedOnCreate(e).searchText).onUpdate(searchTextOf),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['submission', 'name'] }, { properties: ['submission', 'number'] }, { properties: ['submission', 'externalKey'] }],
  indexes: [
    { properties: ['labId', 'submittedAt', 'id'] },
    { properties: ['submittedAt', 'id'] },
    { properties: ['status', 'priorityRank', 'submittedAt', 'id'] },
    { properties: ['projectId'] },
    { properties: ['assigneeId'] },
  ],
});
export type Sample = InferEntity<typeof Sample>;
