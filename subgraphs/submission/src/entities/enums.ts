/** Enumerations of the intake domain, shared by entities, services and resolvers. */
export const IntakeKinds = ['CSV', 'XLSX', 'PDF', 'TEXT'] as const;
export type IntakeKind = (typeof IntakeKinds)[number];

/** PARSING → VALIDATED (preview) → COMMITTING → COMMITTED / PARTIALLY_COMMITTED; FAILED when the sheet or the commit fails. */
export const IntakeStatuses = ['PARSING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'PARTIALLY_COMMITTED', 'FAILED'] as const;
export type IntakeStatus = (typeof IntakeStatuses)[number];

/** VALID / INVALID after checking; EXCLUDED by the user; COMMITTED as a sample; FAILED when samples refused it at commit. */
export const IntakeRowStatuses = ['VALID', 'INVALID', 'EXCLUDED', 'COMMITTED', 'FAILED'] as const;
export type IntakeRowStatus = (typeof IntakeRowStatuses)[number];
