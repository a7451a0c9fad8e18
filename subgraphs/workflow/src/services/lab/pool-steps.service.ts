import { InvalidTransitionError, Problems, requireWrite, type BaseContext } from '@app/common';
import type { PoolMember, RunBarcodeYield, SequencingRun } from '../../entities/index.js';
import type { StepName } from '../../entities/enums.js';
import type { BulkItemResult, BulkService } from '../bulk.service.js';
import { ResultKeys, type StepResultsInput } from '../step-results.js';
import { sampleSheetName } from './barcode-kits.js';
import { Sequencers } from './devices.js';
import type { PoolService } from './pool.service.js';
import type { SequencingRunService } from './sequencing-run.service.js';

/** The steps done once for a whole pool (issue #15 point 2): its members share the flow cell, the run and its basecalling. */
export const POOL_STEPS = ['SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING'] as const satisfies readonly StepName[];
export const POOL_STEP_ACTIONS = ['START', 'COMPLETE'] as const;
export interface PoolStepInput { poolId: string; step: StepName; action: (typeof POOL_STEP_ACTIONS)[number]; results?: StepResultsInput | null; notes?: string | null }

type Block = Record<string, unknown>;
const defined = (o: Block): Block => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/**
 * One action on a pool fans out to the step of each member sample through the bulk step service:
 * each sample in its own transaction, one refusal reported in its row (naming the sample) without
 * holding back the others. Completing fills each sample's results from what the pool already knows:
 * SEQUENCING_SETUP the pool's flow cell and its latest run's device and position; SEQUENCING_RUN that
 * run's MinKNOW id, times and the yield of the member's own barcode. Results sent override them.
 */
export class PoolStepService {
  constructor(private readonly ctx: BaseContext, private readonly pools: PoolService, private readonly runs: SequencingRunService, private readonly bulk: BulkService) {}

  async apply(input: PoolStepInput): Promise<BulkItemResult[]> {
    requireWrite(this.ctx.principal, 'workflow:write', 'ADMIN', 'STAFF');
    const problems = new Problems();
    problems.oneOf('step', input.step, POOL_STEPS);
    problems.oneOf('action', input.action, POOL_STEP_ACTIONS);
    problems.id('poolId', input.poolId);
    const key = POOL_STEPS.includes(input.step as never) ? ResultKeys[input.step].input : null;
    for (const [k, v] of Object.entries(input.results ?? {})) {
      if (v !== null && v !== undefined && key && k !== key) problems.add(`results.${k}`, `does not belong to ${input.step}; send results.${key}`);
    }
    problems.throwIfAny();
    const pool = await this.pools.visible(input.poolId);
    const members = await this.pools.members(pool);
    if (!members.length) throw new InvalidTransitionError(`Pool ${pool.name} has no members`, { poolId: pool.id });
    let results: BulkItemResult[];
    if (input.action === 'START') {
      results = await this.bulk.startSteps(members.map((m) => ({ sampleId: m.sampleId, step: input.step })));
    } else {
      const run = input.step === 'BASECALLING' ? null : await this.runs.latestOfPool(pool.id);
      const yields = run ? await this.runs.yields(run) : [];
      results = await this.bulk.completeSteps(members.map((m) => ({
        sampleId: m.sampleId, step: input.step, notes: input.notes, results: this.resultsFor(input, pool.flowCell?.id ?? null, m, run, yields),
      })));
    }
    const names = new Map(members.map((m) => [m.sampleId, m.sampleName]));
    return results.map((r) => (r.error ? { ...r, error: { ...r.error, message: `sample "${names.get(r.sampleId)}" (${r.sampleId}): ${r.error.message}` } } : r));
  }

  private resultsFor(input: PoolStepInput, flowCellId: string | null, m: PoolMember, run: SequencingRun | null, yields: RunBarcodeYield[]): StepResultsInput {
    const key = ResultKeys[input.step].input;
    const given = (input.results?.[key] ?? {}) as Block;
    let base: Block = {};
    if (input.step === 'SEQUENCING_SETUP') {
      base = { stockFlowCellId: flowCellId, device: run ? Sequencers[run.model].deviceType : null, position: run?.position, poreCountAtCheck: run?.poreCountAtStart };
    } else if (input.step === 'SEQUENCING_RUN' && run) {
      const y = yields.find((x) => x.barcode === sampleSheetName(m.barcode));
      base = {
        runId: run.minknowRunId ?? run.id, startedAt: run.startedAt, endedAt: run.endedAt,
        ...(y ? { readCount: y.readCount, baseCount: y.baseCount, n50: y.n50, meanQScore: y.meanQScore, passPercent: y.readCount ? Math.round((y.passReadCount / y.readCount) * 10_000) / 100 : null } : {}),
      };
    }
    return { [key]: { ...defined(base), ...defined(given) } };
  }
}
