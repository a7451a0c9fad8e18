/**
 * Audit categories. SECURITY: authentication and credential events (and the audit trail's own
 * administration); ACCESS_CONTROL: user and role changes; DATA: everything else.
 */
export const AuditCategories = ['SECURITY', 'ACCESS_CONTROL', 'DATA'] as const;
export type AuditCategory = (typeof AuditCategories)[number];

export const CheckpointKinds = ['PERIODIC', 'ANCHOR'] as const;
export type CheckpointKind = (typeof CheckpointKinds)[number];
