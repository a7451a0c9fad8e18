/** Enumerations of the samples domain (domain.md §3), shared by entities, services and resolvers. */
export const ProjectStatuses = ['ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;
export type ProjectStatus = (typeof ProjectStatuses)[number];

export const SubmissionStatuses = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type SubmissionStatus = (typeof SubmissionStatuses)[number];

export const SampleStatuses = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED', 'ARCHIVED'] as const;
export type SampleStatus = (typeof SampleStatuses)[number];

export const Priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof Priorities)[number];

export const SampleTypes = ['DNA', 'RNA', 'PROTEIN', 'OTHER'] as const;
export type SampleType = (typeof SampleTypes)[number];
