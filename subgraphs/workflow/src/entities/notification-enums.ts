/** What a notification is about: the triggers of issue #12, one e-mail template each. */
export const NotificationEvents = [
  'SAMPLE_RECEIVED', 'QC_FAILED', 'STEP_COMPLETED', 'SAMPLE_OVERDUE', 'DATA_DELIVERED', 'INTAKE_COMMITTED', 'EXTRACTION_NEEDS_REVIEW',
] as const;
export type NotificationEvent = (typeof NotificationEvents)[number];

/** How a person gets e-mail for one kind of notification. */
export const EmailModes = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
export type EmailMode = (typeof EmailModes)[number];

export const DeliveryChannels = ['EMAIL', 'WEBHOOK'] as const;
export type DeliveryChannel = (typeof DeliveryChannels)[number];

/** PENDING until sent (SENT) or given up after the retry window (FAILED). */
export const DeliveryStatuses = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];
