import type { PlannedSample, PlannedSubmission, StepName } from './plan.js';
import type { Random } from './random.js';

type Results = Record<string, unknown>;

const DAY = 86_400_000;

/** Kit, barcode and basecalling model that go with a sample's material and chemistry. */
function libraryKit(s: PlannedSample): { kitCode: string; barcodeKit?: string } {
  const m = s.fields.materialType;
  if (s.fields.sampleType === 'RNA') return { kitCode: 'SQK-RNA004' };
  if (m === 'AMPLICON') return { kitCode: 'SQK-NBD114.24', barcodeKit: 'SQK-NBD114.24' };
  if (m === 'PLASMID') return { kitCode: 'SQK-RBK114.24', barcodeKit: 'SQK-RBK114.24' };
  if (m === 'CDNA') return { kitCode: 'SQK-PCB114.24', barcodeKit: 'SQK-PCB114.24' };
  return { kitCode: s.fields.poreChemistry === 'R9_4_1' ? 'SQK-LSK109' : 'SQK-LSK114' };
}

function flowCell(rng: Random, s: PlannedSample) {
  const legacy = s.fields.poreChemistry === 'R9_4_1';
  switch (s.fields.flowCellDevice) {
    case 'PROMETHION': return { device: 'PROMETHION', position: `${rng.int(1, 3)}${'ABCDEFGH'[rng.int(0, 7)]}`, flowCellId: `PAW${rng.int(10000, 99999)}`, flowCellProductCode: 'FLO-PRO114M', poreCountAtCheck: rng.int(6200, 8600) };
    case 'GRIDION': return { device: 'GRIDION', position: `X${rng.int(1, 5)}`, flowCellId: `FAY${rng.int(10000, 99999)}`, flowCellProductCode: legacy ? 'FLO-MIN106D' : 'FLO-MIN114', poreCountAtCheck: rng.int(1100, 1750) };
    case 'FLONGLE': return { device: 'MINION_MK1D', position: `MD${rng.int(10000, 99999)}`, flowCellId: `AWX${rng.int(100, 999)}`, flowCellProductCode: 'FLO-FLG114', poreCountAtCheck: rng.int(60, 115) };
    default: return { device: 'MINION_MK1D', position: `MD${rng.int(10000, 99999)}`, flowCellId: `FAX${rng.int(10000, 99999)}`, flowCellProductCode: legacy ? 'FLO-MIN106D' : 'FLO-MIN114', poreCountAtCheck: rng.int(1100, 1700) };
  }
}

function basecallModel(s: PlannedSample): string {
  if (s.fields.sampleType === 'RNA') return 'rna004_130bps_sup@v5.1.0';
  if (s.fields.poreChemistry === 'R9_4_1') return 'dna_r9.4.1_e8_400bps_hac@v3.3';
  return s.fields.flowCellDevice === 'PROMETHION' ? 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0' : 'dna_r10.4.1_e8.2_400bps_hac@v5.0.0';
}

export interface ResultContext {
  rng: Random;
  submission: PlannedSubmission;
  submissionNumber: string;
  labId: string;
  submitterName: string;
  now: Date;
}

/** Results a step is completed with; `failing` gives the numbers that make its QC gate fail. */
export function stepResults(step: StepName, s: PlannedSample, c: ResultContext, failing = false): Results {
  const { rng } = c;
  const f = s.fields;
  const runStart = new Date(c.now.getTime() - Math.max(1, c.submission.receivedDaysAgo - 3) * DAY);
  switch (step) {
    case 'SAMPLE_QC': return { sampleQc: {
      qubitNgPerUl: f.qubitConcentration, nanodropNgPerUl: f.nanodropConcentration, volumeUl: f.volume - 2,
      a260280: failing && f.sampleType === 'RNA' ? 1.52 : f.a260280, a260230: failing ? 1.31 : f.a260230, fragmentSizeBp: f.fragmentSize,
    } };
    case 'LIBRARY_PREP': {
      const kit = libraryKit(s);
      const inputNg = Math.min(1000, Math.round(f.qubitConcentration * (f.volume - 2) * 0.6));
      return { libraryPrep: {
        ...kit, kitLot: `L${rng.int(100000, 999999)}`, ...(kit.barcodeKit ? { barcode: `barcode${String(rng.int(1, 24)).padStart(2, '0')}` } : {}),
        inputNg, meanFragmentLengthBp: Math.round(f.fragmentSize * rng.real(0.7, 0.95, 2)),
      } };
    }
    case 'LIBRARY_QC': return { libraryQc: {
      concentrationNgPerUl: rng.real(3, 28), meanSizeBp: Math.round(f.fragmentSize * 0.8), fmolLoaded: failing ? 3.1 : rng.real(12, 40),
    } };
    case 'SEQUENCING_SETUP': return { sequencingSetup: flowCell(rng, s) };
    case 'SEQUENCING_RUN': {
      const prom = f.flowCellDevice === 'PROMETHION';
      const reads = Math.round((prom ? rng.real(6, 22) : f.flowCellDevice === 'FLONGLE' ? rng.real(0.05, 0.3, 2) : rng.real(1, 4)) * 1e6);
      const n50 = Math.round(Math.min(f.fragmentSize, 60000) * rng.real(0.6, 0.9, 2));
      return { sequencingRun: {
        runId: `${runStart.toISOString().slice(0, 10).replaceAll('-', '')}_${rng.int(1000, 2359)}_${rng.hex(8)}`,
        startedAt: runStart.toISOString(), endedAt: new Date(runStart.getTime() + (prom ? 72 : 48) * 3_600_000).toISOString(),
        readCount: reads, baseCount: Math.round(reads * n50 * 0.7), n50, passPercent: rng.real(84, 96), meanQScore: rng.real(f.sampleType === 'RNA' ? 11 : 15, 22),
      } };
    }
    case 'BASECALLING': return { basecalling: {
      software: 'dorado', softwareVersion: rng.pick(['0.9.6', '1.0.2', '1.1.1']), model: basecallModel(s),
      ...(f.organism === 'Zea mays' ? { modifiedBases: ['5mCG_5hmCG'] } : f.sampleType === 'RNA' ? { modifiedBases: ['m6A_DRACH'] } : {}),
      minQScore: f.sampleType === 'RNA' ? 7 : 10, duplex: false,
    } };
    case 'QUALITY_ASSESSMENT': return { qualityAssessment: {
      meanQScore: rng.real(f.sampleType === 'RNA' ? 11 : 16, 22), coverage: f.organism.includes('metagenome') ? null : rng.real(25, 80), passReadsPercent: rng.real(86, 96),
    } };
    case 'DATA_DELIVERY': return { dataDelivery: delivery(s, c) };
  }
}

function delivery(s: PlannedSample, c: ResultContext): Results {
  const { rng, submission } = c;
  const folder = `${c.labId}/${c.submissionNumber}/${s.fields.name}`;
  const location = submission.delivery === 'CLOUD' ? `s3://core-delivery/${folder}/`
    : submission.delivery === 'WEB_DOWNLOAD' ? `https://data.core.example.org/${folder}/`
      : submission.delivery === 'HARD_DRIVE' ? `Drive HD-${rng.int(100, 999)} shipped by courier`
        : `/its/nanopore/delivery/${folder}/`;
  const file = (path: string, gb: [number, number]) => ({ path, bytes: Math.round(rng.real(gb[0], gb[1], 3) * 1e9), sha256: rng.hex(64) });
  return {
    method: submission.delivery, location,
    files: [file(`${s.fields.name}.bam`, [2, 40]), file(`${s.fields.name}.fastq.gz`, [1, 25]), file('sequencing_summary.txt.gz', [0.05, 0.4])],
    ...(s.target.acknowledged ? { acknowledgedBy: c.submitterName } : {}),
  };
}
