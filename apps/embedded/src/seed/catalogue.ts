/**
 * The demo facility: a sequencing core serving four labs. Names, organisms and kits are the kind a
 * nanopore core really sees, so lists, filters and exports look like a working system.
 */
export type SampleType = 'DNA' | 'RNA' | 'PROTEIN' | 'OTHER';
export type MaterialType = 'HMW_GDNA' | 'FRAGMENTED_DNA' | 'AMPLICON' | 'CDNA' | 'PLASMID' | 'TOTAL_RNA' | 'MRNA' | 'OTHER';
export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type FlowCellDevice = 'MINION' | 'PROMETHION' | 'GRIDION' | 'FLONGLE';

export const EMAIL_DOMAIN = 'demo.nanopore.local';

export interface Person { name: string; email: string }
export interface LabSpec { id: string; name: string; submitters: Person[]; accounts: { code: string; description: string; active: boolean }[] }

const person = (name: string): Person => ({
  name,
  email: `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@${EMAIL_DOMAIN}`,
});

export const STAFF: Person[] = ['Priya Raman', 'Tomás Herrera', 'Mei Lin', 'Jonas Becker', 'Amara Okeke'].map(person);
export const VIEWERS: Person[] = ['Grace Whitfield'].map(person);

export const LABS: LabSpec[] = [
  {
    id: 'okafor-lab', name: 'Okafor Lab · Plant Genomics', submitters: ['Chidi Okafor', 'Sofia Marchetti'].map(person),
    accounts: [
      { code: 'PG-2210-OKAFOR', description: 'NSF plant genome award', active: true },
      { code: 'PG-1987-OKAFOR', description: 'Start-up funds (closed)', active: false },
    ],
  },
  {
    id: 'lindqvist-lab', name: 'Lindqvist Lab · Cancer Genomics', submitters: ['Erik Lindqvist', 'Hannah Cho'].map(person),
    accounts: [{ code: 'CG-5531-LINDQVIST', description: 'NCI R01 structural variants', active: true }],
  },
  {
    id: 'nakamura-lab', name: 'Nakamura Lab · Microbial Ecology', submitters: ['Yuki Nakamura', 'Daniel Mensah'].map(person),
    accounts: [
      { code: 'ME-3107-NAKAMURA', description: 'Soil microbiome consortium', active: true },
      { code: 'ME-3108-NAKAMURA', description: 'Pathogen surveillance contract', active: true },
    ],
  },
  {
    id: 'garcia-lab', name: 'García Lab · RNA Biology', submitters: ['Lucía García', 'Oliver Brandt'].map(person),
    accounts: [{ code: 'RB-4420-GARCIA', description: 'ERC transcript isoforms grant', active: true }],
  },
];

export interface SampleKind {
  sampleType: SampleType;
  materials: MaterialType[];
  organism: string;
  /** Name stem; the seed appends a running number and tissue/replicate tags. */
  stem: string;
  tags: string[];
  /** Typical Qubit concentration range, ng/µL. */
  qubit: [number, number];
  fragmentBp: [number, number];
  devices: FlowCellDevice[];
}

export interface ProjectSpec { labId: string; name: string; description: string; kinds: SampleKind[] }

const FRAGMENT_BP: Partial<Record<MaterialType, [number, number]>> = {
  AMPLICON: [400, 2500], PLASMID: [3000, 15000], CDNA: [800, 4000], FRAGMENTED_DNA: [3000, 9000],
};
const dna = (organism: string, stem: string, tags: string[], devices: FlowCellDevice[] = ['PROMETHION'], material: MaterialType = 'HMW_GDNA'): SampleKind => ({
  sampleType: 'DNA', materials: [material], organism, stem, tags, qubit: material === 'AMPLICON' ? [8, 60] : [20, 160],
  fragmentBp: FRAGMENT_BP[material] ?? [12000, 60000], devices,
});
const rna = (organism: string, stem: string, tags: string[], material: 'TOTAL_RNA' | 'MRNA' = 'TOTAL_RNA'): SampleKind => ({
  sampleType: 'RNA', materials: [material], organism, stem, tags, qubit: [40, 300], fragmentBp: [800, 6000], devices: ['PROMETHION', 'GRIDION'],
});

export const PROJECTS: ProjectSpec[] = [
  {
    labId: 'okafor-lab', name: 'Arabidopsis pan-genome', description: 'Telomere-to-telomere assemblies of 60 natural accessions.',
    kinds: [dna('Arabidopsis thaliana', 'AT', ['Col-0', 'Ler-1', 'Cvi-0', 'Kn-0', 'Sha', 'Bur-0'])],
  },
  {
    labId: 'okafor-lab', name: 'Cassava mosaic virus survey', description: 'Whole-genome amplicons of begomoviruses from field isolates.',
    kinds: [dna('African cassava mosaic virus', 'CMV', ['Lagos', 'Ibadan', 'Kano', 'Enugu'], ['MINION', 'FLONGLE'], 'AMPLICON')],
  },
  {
    labId: 'okafor-lab', name: 'Maize methylation atlas', description: 'Native 5mC calling across inbred lines and tissues.',
    kinds: [dna('Zea mays', 'ZM', ['B73-leaf', 'Mo17-root', 'W22-ear', 'B73-tassel'])],
  },
  {
    labId: 'lindqvist-lab', name: 'Tumour–normal structural variants', description: 'Paired long-read WGS of colorectal tumours and matched blood.',
    kinds: [dna('Homo sapiens', 'CRC', ['T', 'N']), dna('Homo sapiens', 'CRC-FFPE', ['T'], ['PROMETHION'], 'FRAGMENTED_DNA')],
  },
  {
    labId: 'lindqvist-lab', name: 'Organoid full-length isoforms', description: 'Direct RNA of patient-derived organoids before and after treatment.',
    kinds: [rna('Homo sapiens', 'ORG', ['D0', 'D3', 'D7'], 'TOTAL_RNA')],
  },
  {
    labId: 'nakamura-lab', name: 'Grassland soil metagenomes', description: 'Deep metagenomes along a rainfall gradient.',
    kinds: [dna('soil metagenome', 'SOIL', ['plot1', 'plot2', 'plot3', 'plot4', 'plot5'], ['PROMETHION', 'GRIDION'], 'FRAGMENTED_DNA')],
  },
  {
    labId: 'nakamura-lab', name: 'Hospital Pseudomonas surveillance', description: 'Complete genomes and plasmids of carbapenem-resistant isolates.',
    kinds: [dna('Pseudomonas aeruginosa', 'PA', ['ICU', 'ward3', 'ward7'], ['GRIDION', 'MINION']), dna('Pseudomonas aeruginosa', 'PA-pl', ['ICU'], ['FLONGLE'], 'PLASMID')],
  },
  {
    labId: 'nakamura-lab', name: 'Sauerteig starter microbiome', description: 'Yeast and lactobacilli of heritage sourdough starters.',
    kinds: [dna('Saccharomyces cerevisiae', 'Sauerteig-Müller', ['Tag1', 'Tag7'], ['MINION'])],
  },
  {
    labId: 'garcia-lab', name: 'Zebrafish fin regeneration', description: 'Full-length cDNA of regenerating fin across time points.',
    kinds: [dna('Danio rerio', 'DR-fin', ['0dpa', '2dpa', '4dpa', '7dpa'], ['PROMETHION', 'GRIDION'], 'CDNA')],
  },
  {
    labId: 'garcia-lab', name: 'Mouse brain poly(A) RNA', description: 'Direct RNA sequencing of cortex and hippocampus mRNA.',
    kinds: [rna('Mus musculus', 'MM-brain', ['cortex', 'hippo', 'cereb'], 'MRNA')],
  },
];

/** Control material added to some submissions. */
export const LAMBDA_CONTROL: SampleKind = dna('Escherichia phage lambda', 'Lambda-CS', ['ctrl'], ['MINION'], 'HMW_GDNA');

export const BUFFERS = ['EB', '10 mM Tris-HCl pH 8.0', 'nuclease-free water', 'low TE'];
