import { randomUUID } from 'node:crypto';
import type { BaseContext, Principal } from '@app/common';
import { createLoaders } from './loaders/index.js';
import { createServices } from './services/index.js';
import { applySampleStatus } from './services/status-consumer.js';
import { ExportRunner } from './exports/runner.js';
import type { SamplesDeps } from './deps.js';
import type { FlowCellDevice, MaterialType, PoreChemistry, Priority, SampleStatus, SampleType } from './entities/enums.js';

/** People the seed acts as; their ids come from the auth subgraph's seed. */
export interface DemoPeople {
  admin: { id: string; name?: string };
  staff: { id: string; name?: string }[];
  submitters: { id: string; labId: string; name?: string }[];
}

export interface DemoOptions {
  /** Roughly how many samples to create (default 300). */
  samples?: number;
}

export interface DemoSummary {
  billingAccounts: number;
  projects: number;
  submissions: number;
  samples: number;
}

const PROJECT_NAMES = ['Soil metagenomes', 'Tomato pan-genome', 'Bat virome', 'Zebrafish methylation', 'Clinical isolates', 'Coral microbiome', 'Maize SV survey', 'Yeast long-read assembly'];
const ORGANISMS = ['Homo sapiens', 'Solanum lycopersicum', 'Danio rerio', 'Saccharomyces cerevisiae', 'Zea mays', 'Escherichia coli', 'metagenome'];
const DNA_MATERIALS: MaterialType[] = ['HMW_GDNA', 'FRAGMENTED_DNA', 'AMPLICON', 'CDNA', 'PLASMID'];
const RNA_MATERIALS: MaterialType[] = ['TOTAL_RNA', 'MRNA'];
const DEVICES: FlowCellDevice[] = ['MINION', 'PROMETHION', 'GRIDION', 'FLONGLE'];
const CHEMISTRIES: PoreChemistry[] = ['R10_4_1', 'R10_4_1', 'R10_5_1', 'R9_4_1'];
/** Later statuses are rarer, as on a real floor. */
const STATUS_MIX: SampleStatus[] = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'PREP', 'PREP', 'SEQUENCING', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED', 'ARCHIVED'];
const PRIORITY_MIX: Priority[] = ['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'URGENT'];

/** Deterministic pseudo-random numbers, so every newcomer sees the same facility. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!, between: (a: number, b: number) => a + next() * (b - a) };
}

function contextFor(deps: SamplesDeps, principal: Principal) {
  const base: BaseContext = {
    principal, client: { ip: null, userAgent: 'seed' }, requestId: randomUUID(), correlationId: randomUUID(),
    logger: deps.logger, em: deps.orm.em.fork(),
  };
  return createServices(deps, base, createLoaders(base.em, principal), new ExportRunner(deps));
}

const person = (id: string, role: Principal['role'], labId: string | null, name?: string): Principal =>
  ({ kind: 'user', userId: id, role, labId, name: name ?? null, scopes: [], tokenId: null, via: 'SYSTEM' });

/**
 * Loads a realistic facility through the services (so every change has its event): billing
 * accounts per lab, projects, submissions in every state and a few hundred samples across
 * priorities and statuses. Statuses are applied as if the workflow had reported them.
 */
export async function seedDemoData(deps: SamplesDeps, people: DemoPeople, options: DemoOptions = {}): Promise<DemoSummary> {
  const random = rng(2026);
  const target = options.samples ?? 300;
  const admin = contextFor(deps, person(people.admin.id, 'ADMIN', null, people.admin.name));
  const staff = people.staff.map((s) => ({ id: s.id, services: contextFor(deps, person(s.id, 'STAFF', null, s.name)) }));
  const labs = [...new Set(people.submitters.map((s) => s.labId))];
  const accounts = new Map<string, string[]>();
  let accountNo = 1;
  for (const lab of labs) {
    const ids: string[] = [];
    for (const prefix of ['HTSF', 'NANO']) {
      const account = await admin.billing.create({ code: `${prefix}-${String(accountNo++).padStart(3, '0')}`, description: `${lab} ${prefix === 'HTSF' ? 'sequencing' : 'nanopore'} chart field`, labId: lab });
      ids.push(account.id);
    }
    accounts.set(lab, ids);
  }
  const summary: DemoSummary = { billingAccounts: accountNo - 1, projects: 0, submissions: 0, samples: 0 };
  let projectNo = 0;
  while (summary.samples < target) {
    const submitter = people.submitters[projectNo % people.submitters.length]!;
    const as = contextFor(deps, person(submitter.id, 'SUBMITTER', submitter.labId, submitter.name));
    const project = await as.projects.create({ name: `${PROJECT_NAMES[projectNo % PROJECT_NAMES.length]} ${Math.floor(projectNo / PROJECT_NAMES.length) + 1}`, description: 'Demo project' });
    projectNo++;
    summary.projects++;
    for (let q = 0; q < 3 && summary.samples < target; q++) {
      const submission = await as.submissions.create({
        projectId: project.id, priority: random.pick(PRIORITY_MIX.filter((p) => p !== 'URGENT')), externalQuoteId: `HTSF--${String.fromCharCode(65 + (projectNo % 26))}Q-${100 + summary.submissions}`,
        billingAccountId: random.pick(accounts.get(submitter.labId)!), specialInstructions: q === 0 ? 'Keep at -20 °C on arrival.' : null,
        dataDeliveryPreferences: { method: random.pick(['ITS_STORAGE', 'WEB_DOWNLOAD', 'CLOUD'] as const), notifyEmails: [`lab-${submitter.labId}@example.org`] },
      });
      summary.submissions++;
      const count = Math.min(target - summary.samples, 4 + Math.floor(random.next() * 20));
      const samples = await as.samples.addSamples(submission.id, Array.from({ length: count }, (_, i) => {
        const sampleType: SampleType = random.next() < 0.8 ? 'DNA' : 'RNA';
        return {
          name: `${project.name.split(' ')[0]}-${String(i + 1).padStart(2, '0')}`, sampleType,
          materialType: random.pick(sampleType === 'DNA' ? DNA_MATERIALS : RNA_MATERIALS), organism: random.pick(ORGANISMS), buffer: random.pick(['EB', 'TE', 'Nuclease-free water']),
          qubitConcentration: Math.round(random.between(5, sampleType === 'DNA' ? 400 : 200) * 10) / 10, volume: Math.round(random.between(10, 60)),
          a260280: Math.round(random.between(1.7, 2.05) * 100) / 100, a260230: Math.round(random.between(1.8, 2.3) * 100) / 100,
          fragmentSize: Math.round(random.between(2_000, 40_000)), flowCellDevice: random.pick(DEVICES), poreChemistry: random.pick(CHEMISTRIES),
          flowCellCount: 1 + Math.floor(random.next() * 2), isControl: i === count - 1 && count > 8,
        };
      }));
      summary.samples += samples.length;
      if (q === 2) continue; // the third submission of each project stays a draft
      await as.submissions.update(submission.id, { status: 'SUBMITTED' });
      if (random.next() < 0.2) continue; // some are still in the post
      const worker = random.pick(staff);
      await worker.services.submissions.markReceived(submission.id);
      for (const sample of samples) {
        const priority = random.pick(PRIORITY_MIX);
        if (priority === 'URGENT' || random.next() < 0.5) await worker.services.samples.assign(sample.id, random.pick(staff).id);
        if (priority !== sample.priority) await worker.services.samples.setPriority(sample.id, priority).catch(() => undefined);
        const status = random.pick(STATUS_MIX);
        if (status !== 'SUBMITTED') {
          await deps.orm.em.fork().transactional((em) => applySampleStatus(deps, em, sample.id, status, deps.now()));
        }
      }
    }
  }
  return summary;
}
