/** Enumerations of the ai domain, shared by entities, services and resolvers. */
export const ExtractionStatuses = ['QUEUED', 'RUNNING', 'NEEDS_REVIEW', 'ACCEPTED', 'REJECTED', 'FAILED'] as const;
export type ExtractionStatus = (typeof ExtractionStatuses)[number];
/** States a job no longer leaves. */
export const FINISHED: readonly ExtractionStatus[] = ['ACCEPTED', 'REJECTED', 'FAILED'];

export const ExtractionMethods = ['PATTERN', 'GEOMETRIC', 'LLM', 'HYBRID'] as const;
export type ExtractionMethod = (typeof ExtractionMethods)[number];

export const ExtractionStages = ['QUEUED', 'READING', 'FIELDS', 'TABLE', 'ASSIST', 'DONE'] as const;
export type ExtractionStage = (typeof ExtractionStages)[number];

export const SourceKinds = ['TEXT', 'PDF'] as const;
export type SourceKind = (typeof SourceKinds)[number];

export { FieldSources, type FieldSource } from '../services/pdf/draft.js';
