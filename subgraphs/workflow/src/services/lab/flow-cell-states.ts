import { InvalidTransitionError } from '@app/common';
import type { FlowCell } from '../../entities/index.js';
import type { FlowCellStatus } from '../../entities/lab-enums.js';

/**
 * The flow-cell state machine: where each status may go. A check moves an unused cell to CHECKED
 * (again, for a re-check) or FAILED_CHECK; picking takes a CHECKED cell IN_USE and a WASHED one
 * REUSED; a wash ends a run; anything but RETIRED may be retired (a FAILED_CHECK cell when it has
 * been returned to ONT).
 */
export const FlowCellMoves: Record<FlowCellStatus, readonly FlowCellStatus[]> = {
  IN_STOCK: ['CHECKED', 'FAILED_CHECK', 'RETIRED'],
  CHECKED: ['CHECKED', 'FAILED_CHECK', 'IN_USE', 'RETIRED'],
  IN_USE: ['WASHED', 'RETIRED'],
  WASHED: ['REUSED', 'RETIRED'],
  REUSED: ['WASHED', 'RETIRED'],
  FAILED_CHECK: ['RETIRED'],
  RETIRED: [],
};

/** The statuses a flow cell is in a run in: it cannot be picked again until washed or retired. */
export const InRunStatuses: ReadonlySet<FlowCellStatus> = new Set(['IN_USE', 'REUSED']);
/** Usable stock: unused cells that may still be checked and picked (low-stock alerts count these, unexpired and unflagged). */
export const StockStatuses: readonly FlowCellStatus[] = ['IN_STOCK', 'CHECKED'];

/** Refuses a move the machine does not allow, naming the cell, both statuses and what is allowed; changes nothing then. */
export function requireMove(cell: FlowCell, to: FlowCellStatus, doing: string): void {
  const allowed = FlowCellMoves[cell.status as FlowCellStatus];
  if (allowed.includes(to)) return;
  const next = allowed.length ? `from ${cell.status} it may only become ${allowed.join(', ')}` : `${cell.status} is final`;
  throw new InvalidTransitionError(`Flow cell ${cell.serial} cannot ${doing}: ${cell.status} → ${to} is not allowed (${next})`,
    { flowCellId: cell.id, serial: cell.serial, status: cell.status, to });
}

/** Applies an allowed move and returns the status it left. */
export function move(cell: FlowCell, to: FlowCellStatus, doing: string): FlowCellStatus {
  requireMove(cell, to, doing);
  const from = cell.status;
  cell.status = to;
  return from;
}
