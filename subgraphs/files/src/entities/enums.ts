/** Enumerations of the files domain, shared by entities, services and resolvers. */
export const OwnerTypes = ['SAMPLE', 'SUBMISSION'] as const;
export type OwnerType = (typeof OwnerTypes)[number];

/** PENDING → RECEIVING (PUT claimed it) → UPLOADED → COMPLETED; FAILED when bytes or checks fail. */
export const UploadStatuses = ['PENDING', 'RECEIVING', 'UPLOADED', 'COMPLETED', 'FAILED'] as const;
export type UploadStatus = (typeof UploadStatuses)[number];
