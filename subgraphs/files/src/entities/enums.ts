/** Enumerations of the files domain, shared by entities, services and resolvers. */
export const OwnerTypes = ['SAMPLE', 'SUBMISSION'] as const;
export type OwnerType = (typeof OwnerTypes)[number];

/** PENDING → RECEIVING (PUT claimed it) → UPLOADED → COMPLETED; FAILED when bytes or checks fail. */
export const UploadStatuses = ['PENDING', 'RECEIVING', 'UPLOADED', 'COMPLETED', 'FAILED'] as const;
export type UploadStatus = (typeof UploadStatuses)[number];

/**
 * A version's virus-scan state. Without CLAMD_URL versions are NOT_SCANNED; with it they start
 * QUARANTINED and become CLEAN or INFECTED. Only NOT_SCANNED and CLEAN bytes are ever served.
 */
export const ScanStatuses = ['NOT_SCANNED', 'QUARANTINED', 'CLEAN', 'INFECTED'] as const;
export type ScanStatus = (typeof ScanStatuses)[number];

export const servable = (status: ScanStatus): boolean => status === 'NOT_SCANNED' || status === 'CLEAN';
