/** Enumerations of the ai domain, shared by entities, services and resolvers. */
export const ExtractionStatuses = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ExtractionStatus = (typeof ExtractionStatuses)[number];

export const ExtractionMethods = ['PATTERN', 'LLM', 'HYBRID'] as const;
export type ExtractionMethod = (typeof ExtractionMethods)[number];
