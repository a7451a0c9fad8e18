import type { Problems } from '@app/common';
import {
  FlowCellDevices, MaterialTypes, PoreChemistries, Priorities, SampleTypes,
  type FlowCellDevice, type MaterialType, type PoreChemistry, type Priority, type SampleType,
} from '../entities/enums.js';
import { totalAmountOf, type Sample } from '../entities/index.js';

/** Fields a person may set on a sample (status is the workflow's; number and lab are derived). */
export interface SampleFields {
  name?: string | null;
  sampleType?: SampleType | null;
  materialType?: MaterialType | null;
  organism?: string | null;
  buffer?: string | null;
  qubitConcentration?: number | null;
  nanodropConcentration?: number | null;
  volume?: number | null;
  a260280?: number | null;
  a260230?: number | null;
  fragmentSize?: number | null;
  flowCellDevice?: FlowCellDevice | null;
  poreChemistry?: PoreChemistry | null;
  flowCellCount?: number | null;
  priority?: Priority | null;
  billingAccountId?: string | null;
  isControl?: boolean | null;
  notes?: string | null;
}

export interface SampleInput extends SampleFields {
  name: string;
  sampleType: SampleType;
  /** Staff only: who works the sample (required for urgent ones). */
  assigneeId?: string | null;
  /** The client's key for this sample (intake sends one per sheet row): adding it again returns the sample already added. */
  externalKey?: string | null;
}

/** Plausible concentration per nucleic acid (ng/µL), from the checks the original enforced (domain.md §3.9). */
export const CONCENTRATION_RANGES: Record<SampleType, { min: number; max: number }> = {
  DNA: { min: 0.1, max: 1000 },
  RNA: { min: 0.1, max: 500 },
  PROTEIN: { min: 0.5, max: 2000 },
  OTHER: { min: 0.001, max: 10000 },
};

const MATERIALS_BY_TYPE: Record<SampleType, readonly MaterialType[]> = {
  DNA: ['HMW_GDNA', 'FRAGMENTED_DNA', 'AMPLICON', 'CDNA', 'PLASMID', 'OTHER'],
  RNA: ['TOTAL_RNA', 'MRNA', 'OTHER'],
  PROTEIN: ['OTHER'],
  OTHER: ['OTHER'],
};

const MAX_TOTAL_NG = 100_000;

/** Checks the format and range of each field present in `input`; `at` prefixes field paths (`samples.3.`). */
export function checkSampleFields(problems: Problems, at: string, input: SampleFields): void {
  if (input.name !== undefined) problems.text(`${at}name`, input.name, { max: 255, pattern: 'name' });
  if (input.sampleType === null) problems.add(`${at}sampleType`, 'is required');
  else problems.oneOf(`${at}sampleType`, input.sampleType, SampleTypes);
  problems.oneOf(`${at}materialType`, input.materialType, MaterialTypes);
  problems.text(`${at}organism`, input.organism, { max: 200, required: false });
  problems.text(`${at}buffer`, input.buffer, { max: 100, required: false });
  problems.number(`${at}qubitConcentration`, input.qubitConcentration, { min: 0.001, max: 10000, unit: 'ng/µL' });
  problems.number(`${at}nanodropConcentration`, input.nanodropConcentration, { min: 0.001, max: 10000, unit: 'ng/µL' });
  problems.number(`${at}volume`, input.volume, { min: 0.1, max: 1000, unit: 'µL' });
  problems.number(`${at}a260280`, input.a260280, { min: 0.1, max: 5 });
  problems.number(`${at}a260230`, input.a260230, { min: 0.01, max: 5 });
  problems.number(`${at}fragmentSize`, input.fragmentSize, { min: 1, max: 10_000_000, integer: true, unit: 'bp' });
  problems.oneOf(`${at}flowCellDevice`, input.flowCellDevice, FlowCellDevices);
  problems.oneOf(`${at}poreChemistry`, input.poreChemistry, PoreChemistries);
  if (input.flowCellCount !== undefined) {
    if (input.flowCellCount === null) problems.add(`${at}flowCellCount`, 'must be between 1 and 10');
    else problems.number(`${at}flowCellCount`, input.flowCellCount, { min: 1, max: 10, integer: true });
  }
  problems.oneOf(`${at}priority`, input.priority, Priorities);
  problems.uuid(`${at}billingAccountId`, input.billingAccountId);
  problems.text(`${at}notes`, input.notes, { max: 5000, required: false, multiline: true });
}

/** The state a sample would have, for the rules that look at several fields together. */
export interface SampleState {
  sampleType: SampleType;
  materialType: MaterialType | null;
  qubitConcentration: number | null;
  nanodropConcentration: number | null;
  volume: number | null;
  priority: Priority;
  assigneeId: string | null;
}

export function stateOf(sample: Sample): SampleState {
  return {
    sampleType: sample.sampleType, materialType: sample.materialType ?? null, qubitConcentration: sample.qubitConcentration ?? null,
    nanodropConcentration: sample.nanodropConcentration ?? null, volume: sample.volume ?? null, priority: sample.priority,
    assigneeId: sample.assigneeId ?? null,
  };
}

/** Cross-field rules: concentration plausible for the type, material matches type, total within bounds, urgent has an assignee. */
export function checkSampleState(problems: Problems, at: string, state: SampleState): void {
  const range = CONCENTRATION_RANGES[state.sampleType];
  if (range) {
    for (const field of ['qubitConcentration', 'nanodropConcentration'] as const) {
      const value = state[field];
      if (value !== null && Number.isFinite(value) && (value < range.min || value > range.max)) {
        problems.add(`${at}${field}`, `${value} ng/µL is implausible for ${state.sampleType}; expected ${range.min}-${range.max} ng/µL`);
      }
    }
    if (state.materialType && !MATERIALS_BY_TYPE[state.sampleType].includes(state.materialType)) {
      problems.add(`${at}materialType`, `${state.materialType} is not a kind of ${state.sampleType}; use one of ${MATERIALS_BY_TYPE[state.sampleType].join(', ')}`);
    }
  }
  const total = totalAmountOf(state);
  if (total !== null && total > MAX_TOTAL_NG) problems.add(`${at}volume`, `concentration × volume gives ${total} ng, above the ${MAX_TOTAL_NG} ng a sample can hold`);
  if (state.priority === 'URGENT' && !state.assigneeId) problems.add(`${at}assigneeId`, 'an urgent sample needs an assignee; assign a staff member first');
}

/** The person-editable fields of a sample, for event before/after. */
export function sampleSnapshot(s: Sample): Record<string, unknown> {
  return {
    name: s.name, sampleType: s.sampleType, materialType: s.materialType ?? null, organism: s.organism ?? null, buffer: s.buffer ?? null,
    qubitConcentration: s.qubitConcentration ?? null, nanodropConcentration: s.nanodropConcentration ?? null, volume: s.volume ?? null,
    totalAmount: totalAmountOf(s), a260280: s.a260280 ?? null, a260230: s.a260230 ?? null, fragmentSize: s.fragmentSize ?? null,
    flowCellDevice: s.flowCellDevice ?? null, poreChemistry: s.poreChemistry ?? null, flowCellCount: s.flowCellCount,
    priority: s.priority, assigneeId: s.assigneeId ?? null, billingAccountId: s.billingAccount?.id ?? null, isControl: s.isControl,
    notes: s.notes ?? null, archivedAt: s.archivedAt?.toISOString() ?? null,
  };
}
