import { BUFFERS, LAMBDA_CONTROL, PROJECTS, type FlowCellDevice, type Priority, type ProjectSpec, type SampleKind } from './catalogue.js';
import type { Random } from './random.js';

export const STEPS = ['SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY'] as const;
export type StepName = typeof STEPS[number];
export type SampleStatus = 'SUBMITTED' | 'PREP' | 'SEQUENCING' | 'ANALYSIS' | 'COMPLETED' | 'DISTRIBUTED' | 'ARCHIVED';
export const SAMPLE_STATUSES: SampleStatus[] = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED', 'ARCHIVED'];
export const PRIORITIES: Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** Where a sample's workflow should end up: steps done, whether the next one is under way, and the special stories. */
export interface Target {
  completed: number;
  started: boolean;
  acknowledged?: boolean;
  archived?: boolean;
  /** SAMPLE_QC fails and stays failed / fails, is reopened and passes; LIBRARY_QC fails and is overridden. */
  story?: 'qc-fail-open' | 'qc-fail-reopen' | 'library-qc-override';
}

export interface SampleFields {
  name: string;
  sampleType: string;
  materialType: string;
  organism: string;
  buffer: string;
  qubitConcentration: number;
  nanodropConcentration: number;
  volume: number;
  a260280: number;
  a260230: number;
  fragmentSize: number;
  flowCellDevice: FlowCellDevice;
  poreChemistry: 'R9_4_1' | 'R10_4_1';
  flowCellCount: number;
  priority: Priority;
  isControl: boolean;
  notes?: string;
}

export interface PlannedSample {
  fields: SampleFields;
  kind: SampleKind;
  target: Target;
  /** URGENT is set by staff after submission (an urgent sample needs an assignee first). */
  finalPriority: Priority;
  /** Index into the staff list, for samples someone works on. */
  assignee: number | null;
}

export type SubmissionState = 'DRAFT' | 'SUBMITTED' | 'RECEIVED';

export interface PlannedSubmission {
  project: ProjectSpec;
  submitter: number;
  priority: Exclude<Priority, 'URGENT'>;
  state: SubmissionState;
  receivedDaysAgo: number;
  externalQuoteId: string;
  delivery: 'ITS_STORAGE' | 'WEB_DOWNLOAD' | 'CLOUD' | 'HARD_DRIVE';
  samples: PlannedSample[];
}

/** Buckets of progress for received samples, with how common each is (a core's work-in-progress). */
const BUCKETS: Record<string, Target> = {
  queued: { completed: 0, started: false },
  sampleQc: { completed: 0, started: true },
  libraryPrep: { completed: 1, started: true },
  libraryQc: { completed: 2, started: false },
  setup: { completed: 3, started: true },
  run: { completed: 4, started: true },
  basecalling: { completed: 5, started: true },
  assessment: { completed: 6, started: false },
  delivery: { completed: 7, started: true },
  completed: { completed: 8, started: false },
  distributed: { completed: 8, started: false, acknowledged: true },
  archived: { completed: 1, started: false, archived: true },
};
const WEIGHTS = { queued: 12, sampleQc: 5, libraryPrep: 5, libraryQc: 4, setup: 4, run: 9, basecalling: 5, assessment: 5, delivery: 3, completed: 12, distributed: 26, archived: 3 };
const EARLY = new Set(['queued', 'sampleQc', 'libraryPrep', 'libraryQc', 'setup']);

const STAGE: Record<StepName, SampleStatus> = {
  SAMPLE_QC: 'PREP', LIBRARY_PREP: 'PREP', LIBRARY_QC: 'PREP', SEQUENCING_SETUP: 'SEQUENCING', SEQUENCING_RUN: 'SEQUENCING',
  BASECALLING: 'ANALYSIS', QUALITY_ASSESSMENT: 'ANALYSIS', DATA_DELIVERY: 'COMPLETED',
};

/** The status the workflow derives for a target (mirrors the workflow subgraph's rule). */
export function expectedStatus(t: Target): SampleStatus {
  if (t.archived) return 'ARCHIVED';
  if (t.story === 'qc-fail-open') return 'PREP';
  if (t.completed >= STEPS.length) return t.acknowledged ? 'DISTRIBUTED' : 'COMPLETED';
  if (t.completed === 0 && !t.started) return 'SUBMITTED';
  return STAGE[STEPS[t.completed]!];
}

function sampleFields(rng: Random, kind: SampleKind, name: string, priority: Priority): SampleFields {
  const qubit = rng.real(kind.qubit[0], kind.qubit[1]);
  const maxConc = kind.sampleType === 'RNA' ? 500 : 1000;
  const dnaLike = kind.sampleType === 'DNA';
  const device = rng.pick(kind.devices);
  const legacy = device !== 'PROMETHION' && rng.chance(0.08);
  return {
    name, sampleType: kind.sampleType, materialType: rng.pick(kind.materials), organism: kind.organism, buffer: rng.pick(BUFFERS),
    qubitConcentration: qubit, nanodropConcentration: Math.min(maxConc, Math.round(qubit * rng.real(1.2, 1.7, 2) * 10) / 10),
    volume: rng.int(3, 12) * 5, a260280: dnaLike ? rng.real(1.78, 1.95, 2) : rng.real(1.92, 2.12, 2), a260230: rng.real(2.02, 2.18, 2),
    fragmentSize: rng.int(kind.fragmentBp[0], kind.fragmentBp[1]), flowCellDevice: device, poreChemistry: legacy ? 'R9_4_1' : 'R10_4_1',
    flowCellCount: device === 'PROMETHION' ? rng.pick([1, 1, 1, 2, 3]) : 1, priority, isControl: false,
    ...(rng.chance(0.12) ? { notes: rng.pick(['Low yield expected; please call before library prep', 'Size-select above 10 kb if possible', 'Nanobind HMW extraction', 'Re-extraction of an earlier failed sample']) } : {}),
  };
}

/** Moves a few samples so that every status and priority appears even in a small seed. */
function ensureSpread(samples: PlannedSample[], rng: Random): void {
  const movable = () => samples.filter((s) => !s.target.story && s.target.completed >= 6);
  for (const [status, bucket] of [['SUBMITTED', 'queued'], ['PREP', 'libraryPrep'], ['SEQUENCING', 'run'], ['ANALYSIS', 'basecalling'],
    ['COMPLETED', 'completed'], ['DISTRIBUTED', 'distributed'], ['ARCHIVED', 'archived']] as const) {
    if (samples.some((s) => expectedStatus(s.target) === status)) continue;
    const pool = movable().length ? movable() : samples.filter((s) => !s.target.story);
    if (pool.length) rng.pick(pool).target = { ...BUCKETS[bucket]! };
  }
  for (const p of PRIORITIES) {
    if (samples.some((s) => s.finalPriority === p)) continue;
    const pool = samples.filter((s) => s.finalPriority === 'NORMAL' && !s.target.archived);
    if (pool.length) rng.pick(pool).finalPriority = p;
  }
  // The stories need a sample each; they reuse samples that would have passed those steps anyway.
  const stories: [Target['story'], (t: Target) => boolean, Target][] = [
    ['qc-fail-reopen', (t) => t.completed >= 3 && !t.archived, { completed: 4, started: true }],
    ['library-qc-override', (t) => t.completed >= 4 && !t.archived, { completed: 6, started: false }],
    ['qc-fail-open', (t) => t.completed === 0 && t.started, { completed: 0, started: true }],
  ];
  for (const [story, fits, fallback] of stories) {
    const pool = samples.filter((s) => !s.target.story && fits(s.target));
    const spare = samples.filter((s) => !s.target.story && s.target.completed >= 8 && !s.target.archived);
    const chosen = pool.length ? rng.pick(pool) : spare.length > 2 ? rng.pick(spare) : null;
    if (chosen) chosen.target = { ...(pool.length ? chosen.target : fallback), story };
  }
}

export interface PlanInput {
  samples: number;
  rng: Random;
  staffCount: number;
  /** First running number of sample names (continues after earlier seed runs). */
  firstNumber: number;
}

/** Plans submissions of 4–24 samples across the projects until `samples` samples are planned. */
export function planFacility({ samples: total, rng, staffCount, firstNumber }: PlanInput): PlannedSubmission[] {
  const submissions: PlannedSubmission[] = [];
  const counters = new Map<string, number>();
  let planned = 0;
  for (let i = 0; planned < total; i++) {
    const project = PROJECTS[i % PROJECTS.length]!;
    const size = Math.min(total - planned, rng.int(4, 24));
    // Every ninth submission is still a draft, another waits for its material; the rest are in the lab.
    const state: SubmissionState = i % 9 === 4 ? 'DRAFT' : i % 9 === 7 ? 'SUBMITTED' : 'RECEIVED';
    const age = rng.next(); // 0 = just arrived, 1 = oldest
    const priority = rng.weighted({ LOW: 15, NORMAL: 60, HIGH: 25 });
    const kinds = project.kinds;
    const samples: PlannedSample[] = [];
    for (let n = 0; n < size; n++) {
      const control = n === size - 1 && size >= 8 && rng.chance(0.5);
      const kind = control ? LAMBDA_CONTROL : rng.pick(kinds);
      const counter = counters.get(kind.stem) ?? firstNumber;
      counters.set(kind.stem, counter + 1);
      const name = `${kind.stem}-${rng.pick(kind.tags)}-${String(counter).padStart(3, '0')}`;
      const fields = { ...sampleFields(rng, kind, name, priority), isControl: control };
      const bucket = state === 'RECEIVED'
        ? rng.weighted(Object.fromEntries(Object.entries(WEIGHTS).map(([k, w]) => [k, w * (EARLY.has(k) ? 1.5 - age : 0.5 + age)])) as Record<string, number>)
        : 'queued';
      const target = { ...BUCKETS[bucket]! };
      const finalPriority: Priority = state === 'RECEIVED' && !target.archived && rng.chance(0.07) ? 'URGENT' : priority;
      const working = finalPriority === 'URGENT' || target.completed > 0 || target.started;
      samples.push({ fields, kind, target, finalPriority, assignee: working ? rng.int(0, staffCount - 1) : null });
    }
    submissions.push({
      project, submitter: rng.int(0, 1), priority, state, receivedDaysAgo: Math.round(2 + age * 40),
      externalQuoteId: `Q-${new Date().getUTCFullYear()}-${String(rng.int(100, 999))}`,
      delivery: rng.weighted({ ITS_STORAGE: 40, CLOUD: 30, WEB_DOWNLOAD: 25, HARD_DRIVE: 5 }), samples,
    });
    planned += size;
  }
  const received = submissions.filter((s) => s.state === 'RECEIVED').flatMap((s) => s.samples);
  ensureSpread(received, rng);
  for (const s of received) if (s.finalPriority === 'URGENT' && s.assignee === null) s.assignee = rng.int(0, staffCount - 1);
  for (const s of received) if ((s.target.completed > 0 || s.target.started) && s.assignee === null) s.assignee = rng.int(0, staffCount - 1);
  return submissions;
}
