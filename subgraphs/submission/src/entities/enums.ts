/** Enumerations of the intake domain, shared by entities, services and resolvers. */
export const IntakeKinds = ['CSV', 'XLSX', 'PDF', 'TEXT'] as const;
export type IntakeKind = (typeof IntakeKinds)[number];

export const IntakeStatuses = ['PARSING', 'READY', 'COMMITTED', 'FAILED'] as const;
export type IntakeStatus = (typeof IntakeStatuses)[number];

export const IntakeRowStatuses = ['VALID', 'INVALID'] as const;
export type IntakeRowStatus = (typeof IntakeRowStatuses)[number];
