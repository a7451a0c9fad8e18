/** Enumerations of the samples domain (domain.md §3), shared by entities, services and resolvers. */
import { SampleStatuses, type SampleStatus } from '@app/common';

export const ProjectStatuses = ['ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;
export type ProjectStatus = (typeof ProjectStatuses)[number];

export const SubmissionStatuses = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type SubmissionStatus = (typeof SubmissionStatuses)[number];

/** In lifecycle order: the index is the sort rank used by "order by status". Set by the workflow's events, so defined with their contract. */
export { SampleStatuses, type SampleStatus };

/** Lowest first; the queue sorts by `priorityRank` (urgent = 0) so an index serves it. */
export const Priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof Priorities)[number];

export const SampleTypes = ['DNA', 'RNA', 'PROTEIN', 'OTHER'] as const;
export type SampleType = (typeof SampleTypes)[number];

/** The second level of the two-level sample type (domain.md §3.5). */
export const MaterialTypes = ['HMW_GDNA', 'FRAGMENTED_DNA', 'AMPLICON', 'CDNA', 'PLASMID', 'TOTAL_RNA', 'MRNA', 'OTHER'] as const;
export type MaterialType = (typeof MaterialTypes)[number];

export const FlowCellDevices = ['MINION', 'PROMETHION', 'GRIDION', 'FLONGLE'] as const;
export type FlowCellDevice = (typeof FlowCellDevices)[number];

export const PoreChemistries = ['R9_4_1', 'R10_4_1', 'R10_5_1', 'OTHER'] as const;
export type PoreChemistry = (typeof PoreChemistries)[number];

export const DeliveryMethods = ['ITS_STORAGE', 'WEB_DOWNLOAD', 'CLOUD', 'HARD_DRIVE', 'PREARRANGED', 'OTHER'] as const;
export type DeliveryMethod = (typeof DeliveryMethods)[number];

export const ExportFormats = ['CSV', 'XLSX', 'JSON', 'NDJSON', 'XML', 'PARQUET'] as const;
export type ExportFormat = (typeof ExportFormats)[number];

export const ExportKinds = ['SAMPLES', 'SUBMISSIONS', 'PROJECTS'] as const;
export type ExportKind = (typeof ExportKinds)[number];

export const ExportStatuses = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ExportStatus = (typeof ExportStatuses)[number];

/** URGENT = 0 … LOW = 3: ascending rank is the queue order. */
export const priorityRank = (priority: Priority): number => 3 - Priorities.indexOf(priority);
export const statusRank = (status: SampleStatus): number => SampleStatuses.indexOf(status);
