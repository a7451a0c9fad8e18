/** Enumerations of the nanopore lab: flow-cell inventory and pools (issue #15). */

/**
 * A flow cell's life (lims-landscape.md §4.12): received IN_STOCK, CHECKED by a platform check (or
 * FAILED_CHECK below the warranty pore count: returned to ONT), IN_USE in a run, WASHED (EXP-WSH004),
 * REUSED for another run, and finally RETIRED.
 */
export const FlowCellStatuses = ['IN_STOCK', 'CHECKED', 'IN_USE', 'WASHED', 'REUSED', 'RETIRED', 'FAILED_CHECK'] as const;
export type FlowCellStatus = (typeof FlowCellStatuses)[number];

/** Where a pore count comes from: a platform check, or the start or end of a run. */
export const PoreCountKinds = ['PLATFORM_CHECK', 'RUN_START', 'RUN_END'] as const;
export type PoreCountKind = (typeof PoreCountKinds)[number];

/** A pool is OPEN while its members change, LOADED once it is on a flow cell (members then fixed). */
export const PoolStatuses = ['OPEN', 'LOADED'] as const;
export type PoolStatus = (typeof PoolStatuses)[number];

/**
 * The sequencer a run is on (ONT product names; MinKNOW's device type follows from it). Each has its
 * own position names: see services/lab/devices.ts.
 */
export const SequencerModels = ['MINION_MK1B', 'MINION_MK1C', 'MINION_MK1D', 'GRIDION_X5', 'P2_SOLO', 'P2_INTEGRATED', 'PROMETHION_24', 'PROMETHION_48'] as const;
export type SequencerModel = (typeof SequencerModels)[number];

/** A run's state: RUNNING until it ends COMPLETED (run limit reached), STOPPED (by the user) or FAILED (device or flow-cell error). */
export const SequencingRunStatuses = ['RUNNING', 'COMPLETED', 'STOPPED', 'FAILED'] as const;
export type SequencingRunStatus = (typeof SequencingRunStatuses)[number];
