import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidTransitionError, ValidationError } from '@app/common';
import type { Workflow, WorkflowStep } from '../../entities/index.js';
import type { StoredResults } from '../step-results.js';
import type { FlowCellService } from './flow-cell.service.js';

const PREFIX = 'results.sequencingSetup';

/**
 * SEQUENCING_SETUP picks its flow cell from stock: when the results name `stockFlowCellId`, the cell
 * is locked and picked in the step's transaction (after the workflow row, so lock order is fixed),
 * and the results take the cell's id, product code and last pore count. A cell another run holds is
 * refused (CONFLICT), except the one this sample's pool was loaded on. Once picked, the step keeps
 * its cell: naming another one is refused.
 */
export async function pickForSetup(
  flowCells: FlowCellService, em: EntityManager, workflow: Workflow, step: WorkflowStep, results: StoredResults, now: Date,
): Promise<StoredResults> {
  const id = results.stockFlowCellId as string | null | undefined;
  if (!id) return results;
  const previous = step.results?.stockFlowCellId as string | null | undefined;
  if (previous && previous !== id) {
    throw new InvalidTransitionError(`SEQUENCING_SETUP of sample ${workflow.sampleId} already took flow cell ${step.results?.flowCellId as string}; it cannot take another`,
      { field: `${PREFIX}.stockFlowCellId`, sampleId: workflow.sampleId });
  }
  const cell = await flowCells.lockForPick(em, id, `${PREFIX}.stockFlowCellId`);
  const given = (results.flowCellId as string | undefined)?.toUpperCase();
  if (given && given !== cell.serial) throw ValidationError.field(`${PREFIX}.flowCellId`, `is ${given}, but the stock flow cell picked is ${cell.serial}; leave it out or send that`);
  const product = (results.flowCellProductCode as string | undefined)?.toUpperCase();
  if (product && product !== cell.productCode) throw ValidationError.field(`${PREFIX}.flowCellProductCode`, `is ${product}, but flow cell ${cell.serial} is a ${cell.productCode}`);
  if (previous !== id) {
    await flowCells.pickLocked(em, cell, {
      sampleId: workflow.sampleId, labId: workflow.labId, stepId: step.id, poreCount: (results.poreCountAtCheck as number | null | undefined) ?? null,
    }, now);
  }
  return { ...results, flowCellId: cell.serial, flowCellProductCode: cell.productCode, poreCountAtCheck: results.poreCountAtCheck ?? cell.latestPoreCount ?? undefined };
}
