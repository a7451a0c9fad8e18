/**
 * The facility's quote form (domain.md §5.1) as data: the questions whose answers are drawn marks,
 * with the printed text of each option and the value it stands for, and the labelled text fields.
 * The DNA form is the one the facility prints; the RNA form is its RNA counterpart (ONT kit facts
 * from lims-landscape.md §4.3: direct RNA and PCR-cDNA kits).
 */
export type FormKind = 'DNA' | 'RNA';

export interface OptionSpec {
  /** Canonical value stored for the option. */
  value: string;
  /** The option's label as printed (matched case- and space-insensitively, as a prefix). */
  label: string;
}

export interface QuestionSpec {
  field: string;
  /** The question as printed; only its start is needed to find it. */
  label: string;
  options: OptionSpec[];
  /** Several options may be marked. */
  multiple?: boolean;
}

const KITS: Record<FormKind, OptionSpec[]> = {
  DNA: [
    { value: 'SQK-LSK114', label: 'Ligation Sequencing (SQK-LSK114)' },
    { value: 'SQK-NBD114.96', label: 'Ligation Sequencing with Barcoding (SQK-NBD114.96)' },
    { value: 'SQK-RAD114', label: 'Rapid Sequencing (SQK-RAD114)' },
    { value: 'SQK-RBK114.24', label: 'Rapid Sequencing with Barcoding (SQK-RBK114.24)' },
  ],
  RNA: [
    { value: 'SQK-RNA004', label: 'Direct RNA Sequencing (SQK-RNA004)' },
    { value: 'SQK-DRB004.24', label: 'Direct RNA Sequencing with Barcoding (SQK-DRB004.24)' },
    { value: 'SQK-PCS114', label: 'PCR-cDNA Sequencing (SQK-PCS114)' },
    { value: 'SQK-PCB114.24', label: 'PCR-cDNA Sequencing with Barcoding (SQK-PCB114.24)' },
  ],
};

const SAMPLE_TYPES: Record<FormKind, OptionSpec[]> = {
  DNA: [
    { value: 'HMW_GDNA', label: 'High Molecular Weight DNA / gDNA' },
    { value: 'FRAGMENTED_DNA', label: 'Fragmented DNA' },
    { value: 'PCR_AMPLICONS', label: 'PCR Amplicons' },
    { value: 'CDNA', label: 'cDNA' },
  ],
  RNA: [
    { value: 'TOTAL_RNA', label: 'Total RNA' },
    { value: 'POLYA_RNA', label: 'Poly(A) RNA / mRNA' },
    { value: 'CDNA', label: 'cDNA (first strand)' },
    { value: 'IVT_RNA', label: 'In vitro transcribed RNA' },
  ],
};

/** The questions of one form, in the order they are printed. */
export function questionsOf(kind: FormKind): QuestionSpec[] {
  const acid = kind === 'DNA' ? 'DNA' : 'RNA';
  return [
    { field: 'kit', label: `I will be submitting ${acid} for:`, options: KITS[kind] },
    { field: 'sampleType', label: 'Type of Sample', options: SAMPLE_TYPES[kind] },
    { field: 'humanDna', label: `Do these samples contain human ${acid}? (required)`, options: [{ value: 'YES', label: 'Yes' }, { value: 'NO', label: 'No' }] },
    { field: 'buffer', label: 'Sample Buffer:', options: [{ value: 'EB', label: 'EB' }, { value: 'NUCLEASE_FREE_WATER', label: 'Nuclease-Free Water' }] },
    { field: 'flowCell', label: 'Flow Cell Selection:', options: [{ value: 'MINION', label: 'MinION Flow Cell' }, { value: 'PROMETHION', label: 'PromethION Flow Cell' }] },
    {
      field: 'basecalling', label: 'I would like my data to be basecalled using:', options: [
        { value: 'HAC', label: 'HAC (High Accuracy' },
        { value: 'SUP', label: 'SUP (Super-High Accuracy' },
        { value: 'METHYLATION', label: kind === 'DNA' ? 'Methylation' : 'Modified bases (m6A / pseudouridine)' },
      ],
    },
    { field: 'fileFormat', label: 'File Format:', options: [{ value: 'FASTQ_BAM', label: 'FASTQ / BAM' }, { value: 'POD5', label: 'POD5 (only necessary' }] },
    {
      field: 'dataRetrieval', label: 'How would you like to retrieve your data from HTSF?', multiple: true, options: [
        { value: 'ITS_PROJ', label: 'Deliver my data to ITS Research Computing storage (/proj)' },
        { value: 'URL', label: 'Provide me with a URL to download my data via the web' },
        { value: 'PRE_ARRANGED', label: 'Pre-arranged data delivery method for this project' },
        { value: 'OTHER', label: 'Other' },
      ],
    },
  ];
}

export interface TextFieldSpec {
  field: string;
  /** The label as printed, with its colon when it has one. */
  label: string;
  /** The value may run over several lines (addresses, comments). */
  multiline?: boolean;
  /** Checks the value's shape; a value that fails is kept with low confidence. */
  format?: RegExp;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** The labelled text fields, in the order they are printed (the same on both forms). */
export const TEXT_FIELDS: TextFieldSpec[] = [
  { field: 'quoteId', label: 'Identifier:', format: /^HTSF--[A-Z]+-\d+$/ },
  { field: 'asOf', label: 'As of:', format: DATE },
  { field: 'expiresOn', label: 'Expires on:', format: DATE },
  { field: 'serviceRequested', label: 'Service Requested:' },
  { field: 'requester', label: 'Requester:' },
  { field: 'email', label: 'E-mail:', format: EMAIL },
  { field: 'phone', label: 'Phone:', format: /^[+()\d][\d\s().+-]{6,}$/ },
  { field: 'lab', label: 'Lab:' },
  { field: 'billingAddress', label: 'Billing address:', multiline: true },
  { field: 'pis', label: 'PIs:', multiline: true },
  { field: 'financialContacts', label: 'Financial Contacts:', multiline: true },
  { field: 'formName', label: 'Forms' },
  { field: 'organism', label: 'Source Organism:' },
  { field: 'genomeSize', label: 'Approx. Genome Size:' },
  { field: 'coverage', label: 'Approx. Coverage Needed:' },
  { field: 'flowCellCount', label: 'Estimated number of Flow Cells:', format: /^\d{1,3}$/ },
  { field: 'comments', label: 'Additional Comments / Special Needs', multiline: true },
  { field: 'notificationEmails', label: 'Data Delivery Notification email addresses:', multiline: true },
  { field: 'projectedCost', label: 'Projected Cost:', format: /^\$[\d,]+\.\d{2}$/ },
];

/** Labels that start a new part of the form: the sample table ends at the first one after it. */
export const SECTION_LABELS = [
  'Flow Cell Selection:', 'Approx. Genome Size:', 'Bioinformatics and Data Delivery', 'Projected Cost:', 'Known Charges:',
  'Additional Comments / Special Needs',
];

export const SAMPLE_TABLE_ANCHOR = 'Sample Information:';

/** Names that mark a control row rather than a sample. */
export const CONTROL_NAMES = /^(positive control|negative control|blank|ntc|no template control)$/i;

/** The printed label of a field (or its name when it has none), as stored with corrections. */
export function labelOfField(field: string): string {
  return TEXT_FIELDS.find((f) => f.field === field)?.label ?? questionsOf('DNA').find((q) => q.field === field)?.label ?? field;
}
