/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Basecalling details; software and model are required to complete. */
export type BasecallingResultsInput = {
  /** Duplex basecalling. */
  duplex?: boolean | null | undefined;
  /** Minimum mean Q for pass reads. */
  minQScore?: number | null | undefined;
  /** Model name, e.g. dna_r10.4.1_e8.2_400bps_sup@v5.0.0. */
  model?: string | null | undefined;
  /** Modified-base models. */
  modifiedBases?: Array<string> | null | undefined;
  /** Software, e.g. dorado. */
  software?: string | null | undefined;
  /** Software version. */
  softwareVersion?: string | null | undefined;
};

/** One sample of a bulk completion. */
export type CompleteStepInput = {
  /** The step version you saw; CONFLICT if it changed. */
  expectedVersion?: number | null | undefined;
  /** Notes. */
  notes?: string | null | undefined;
  /** Results (merged over results already recorded). */
  results?: StepResultsInput | null | undefined;
  /** The sample. */
  sampleId: string | number;
  /** The step to complete. */
  step: WorkflowStepName;
};

/** A reviewer's correction of one cell of the sample table. */
export type CorrectExtractedSampleInput = {
  /** The cell: sampleName, volume, volumeUnit, qubitConc, qubitUnit, nanodropConc, nanodropUnit, a260_280, a260_230 or isControl. */
  field: string;
  /** The job (NEEDS_REVIEW). */
  jobId: string | number;
  /** The row, by the number printed in the table. */
  sampleNumber: string;
  /** The right value ("true"/"false" for isControl); null or empty clears the cell. */
  value?: string | null | undefined;
};

/** A reviewer's correction of one field. */
export type CorrectExtractionFieldInput = {
  /** The field, e.g. kit or organism. */
  fieldName: string;
  /** The job (NEEDS_REVIEW). */
  jobId: string | number;
  /** The right value; null or empty clears the field. */
  value?: string | null | undefined;
  /** The right options, for questions that allow several (instead of value). */
  values?: Array<string> | null | undefined;
};

/** Input to create an API token. */
export type CreateApiTokenInput = {
  /** When it stops working; default 90 days, at most 365 days ahead. */
  expiresAt?: string | null | undefined;
  /** A name to recognise it by. */
  name: string;
  /** Scopes it carries; see `apiScopes`. */
  scopes: Array<string>;
};

/** A CSV sample sheet to read. */
export type CreateIntakeFromCsvInput = {
  /** The CSV as text, header first (at most INTAKE_MAX_BYTES bytes). Give this or csvBase64. */
  csv?: string | null | undefined;
  /** The CSV file as saved, base64-encoded: UTF-8 (with or without BOM), UTF-16 or Windows-1252; comma, semicolon or tab delimited. */
  csvBase64?: string | null | undefined;
  /** A CSV stored in the files subgraph (uploadFile), which you may see; read as saved, at most INTAKE_MAX_BYTES bytes. Give one of csv, csvBase64 and fileId. */
  fileId?: string | number | null | undefined;
  /** Name of the file it came from, for the record (default: the stored file's name). */
  filename?: string | null | undefined;
  /** The project a new submission is created in at commit (give this or submissionId). */
  projectId?: string | number | null | undefined;
  /** The submission the rows go into (give this or projectId). */
  submissionId?: string | number | null | undefined;
};

/** An XLSX sample sheet to read. */
export type CreateIntakeFromXlsxInput = {
  /** A workbook stored in the files subgraph (uploadFile), which you may see; at most INTAKE_MAX_BYTES bytes. Give this or xlsxBase64. */
  fileId?: string | number | null | undefined;
  /** Name of the file it came from, for the record (default: the stored file's name). */
  filename?: string | null | undefined;
  /** The project a new submission is created in at commit (give this or submissionId). */
  projectId?: string | number | null | undefined;
  /** The submission the rows go into (give this or projectId). */
  submissionId?: string | number | null | undefined;
  /** The workbook, base64-encoded (at most INTAKE_MAX_BYTES bytes decoded); the first worksheet is read. Give this or fileId. */
  xlsxBase64?: string | null | undefined;
};

/** Input to create a project. */
export type CreateProjectInput = {
  /** Optional description. */
  description?: string | null | undefined;
  /** Lab the project belongs to; submitters may only use their own (defaults to theirs). */
  labId?: string | null | undefined;
  /** Human-readable name (1-200 characters). */
  name: string;
};

/** Input to create a submission. */
export type CreateSubmissionInput = {
  /** Billing account: an active account of the project's lab. */
  billingAccountId?: string | number | null | undefined;
  /** How the data should be delivered. */
  dataDeliveryPreferences?: DataDeliveryInput | null | undefined;
  /** External quote identifier (iLab). */
  externalQuoteId?: string | null | undefined;
  /** Default priority of its samples. */
  priority?: Priority | null | undefined;
  /** Project to file it under (must be ACTIVE). */
  projectId: string | number;
  /** Instructions for all samples (up to 5000 characters). */
  specialInstructions?: string | null | undefined;
};

/** What the client is about to upload. */
export type CreateUploadInput = {
  /** Exact size in bytes, 1 to FILES_MAX_BYTES. */
  byteSize: number;
  /** MIME type; must be one of FILES_ALLOWED_TYPES. */
  contentType: string;
  /** Original file name; unsafe characters are replaced. */
  filename: string;
  /** Lab the file belongs to: required for staff; submitters may omit it (their own lab is used). */
  labId?: string | null | undefined;
  /** Id of the sample or submission. */
  ownerId: string | number;
  /** What the file is attached to. */
  ownerType: FileOwnerType;
  /** SHA-256 of the bytes, hex; checked when the upload completes. */
  sha256: string;
};

/** Input to create a user. */
export type CreateUserInput = {
  /** Sign-in address; unique regardless of case. */
  email: string;
  /** Lab id; required for SUBMITTER. */
  labId?: string | null | undefined;
  /** Lab name. */
  labName?: string | null | undefined;
  /** Display name. */
  name: string;
  /** Initial password (at least 12 characters, not a common one); omit to issue a reset token instead. */
  password?: string | null | undefined;
  /** Role. */
  role: Role;
};

/** How the data should be delivered. */
export type DataDeliveryInput = {
  /** Delivery method. */
  method: DeliveryMethod;
  /** Anything else (up to 2000 characters). */
  notes?: string | null | undefined;
  /** Addresses to notify (up to 20, valid e-mail addresses). */
  notifyEmails?: Array<string> | null | undefined;
  /** Destination path or bucket (up to 500 characters). */
  path?: string | null | undefined;
};

/** Data delivery details; method, location and at least one file are required to complete. */
export type DataDeliveryResultsInput = {
  /** When receipt was acknowledged (defaults to now when acknowledgedBy is given). */
  acknowledgedAt?: string | null | undefined;
  /** Who acknowledged receipt; makes the sample DISTRIBUTED. */
  acknowledgedBy?: string | null | undefined;
  /** Delivered files. */
  files?: Array<DeliveredFileInput> | null | undefined;
  /** URL, path or description. */
  location?: string | null | undefined;
  /** Delivery method. */
  method?: DeliveryMethod | null | undefined;
};

/** One delivered file. */
export type DeliveredFileInput = {
  /** Size in bytes. */
  bytes: number;
  /** Path relative to the delivery location. */
  path: string;
  /** SHA-256 digest (64 hex characters). */
  sha256: string;
};

/** How the customer wants the data delivered. */
export type DeliveryMethod =
  /** Copy to a cloud bucket. */
  | 'CLOUD'
  /** Ship a hard drive. */
  | 'HARD_DRIVE'
  /** Deliver to institutional research storage (/proj). */
  | 'ITS_STORAGE'
  /** Something else, described in notes. */
  | 'OTHER'
  /** A method arranged beforehand for this project. */
  | 'PREARRANGED'
  /** A URL to download the data over the web. */
  | 'WEB_DOWNLOAD';

/** File format of an export. */
export type ExportFormat =
  /** Comma-separated values, UTF-8 with BOM, CRLF lines, formula-guarded. */
  | 'CSV'
  /** One JSON array of objects. */
  | 'JSON'
  /** One JSON object per line. */
  | 'NDJSON'
  /** Apache Parquet with typed columns. */
  | 'PARQUET'
  /** Excel workbook, one sheet, formula-guarded. */
  | 'XLSX'
  /** An XML document with one element per row. */
  | 'XML';

/** What an export job exports. */
export type ExportKind =
  /** Projects. */
  | 'PROJECTS'
  /** Samples. */
  | 'SAMPLES'
  /** Submissions. */
  | 'SUBMISSIONS';

/** State of an export job. */
export type ExportStatus =
  /** Stopped with an error. */
  | 'FAILED'
  /** Accepted, not started. */
  | 'QUEUED'
  /** Writing rows. */
  | 'RUNNING'
  /** Finished; the file can be downloaded. */
  | 'SUCCEEDED';

/** How values were extracted. */
export type ExtractionMethod =
  /** Positions and painted shapes of a PDF (the quote form reader). */
  | 'GEOMETRIC'
  /** Pattern results completed by a language model. */
  | 'HYBRID'
  /** A language model read the source. */
  | 'LLM'
  /** Deterministic label matching over pasted text. */
  | 'PATTERN';

/** What a running job is doing. */
export type ExtractionStage =
  /** Consulting past corrections and, when configured, a language model. */
  | 'ASSIST'
  /** Finished. */
  | 'DONE'
  /** Reading labelled fields and marked options. */
  | 'FIELDS'
  /** Not started. */
  | 'QUEUED'
  /** Reading pages (text positions and painted shapes). */
  | 'READING'
  /** Reading the sample table. */
  | 'TABLE';

/** Where an extraction job is in its life: QUEUED → RUNNING → NEEDS_REVIEW → ACCEPTED / REJECTED, or FAILED. */
export type ExtractionStatus =
  /** A reviewer accepted the draft; it is the job's output. */
  | 'ACCEPTED'
  /** The source could not be read; see `error`. */
  | 'FAILED'
  /** Read; a person checks the draft, corrects fields and accepts or rejects it. */
  | 'NEEDS_REVIEW'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** A reviewer rejected the draft; see `rejectReason`. */
  | 'REJECTED'
  /** A worker is reading the source. */
  | 'RUNNING';

/** Where a field's value came from. */
export type FieldSource =
  /** A marked option, found from the filled shape in its box. */
  | 'CHECKBOX'
  /** A labelled value, found by its position next to the label. */
  | 'LAYOUT'
  /** Suggested by the language model (free-text fields only). */
  | 'LLM'
  /** Entered by a reviewer. */
  | 'MANUAL'
  /** A past reviewer's correction of the same value. */
  | 'RETRIEVAL'
  /** A cell of the sample table. */
  | 'TABLE';

/** What a file is attached to. */
export type FileOwnerType =
  /** A sample (owned by the samples subgraph). */
  | 'SAMPLE'
  /** A submission (owned by the samples subgraph). */
  | 'SUBMISSION';

/** Oxford Nanopore sequencing device the flow cell is for. */
export type FlowCellDevice =
  /** Flongle adapter flow cell. */
  | 'FLONGLE'
  /** GridION (MinION-type) flow cell. */
  | 'GRIDION'
  /** MinION flow cell. */
  | 'MINION'
  /** PromethION flow cell. */
  | 'PROMETHION';

/** What an intake was read from. */
export type IntakeKind =
  /** A CSV sample sheet in the facility's template. */
  | 'CSV'
  /** A quote PDF read by the ai subgraph and accepted by a reviewer (createIntakeFromExtraction). */
  | 'PDF'
  /** Pasted text (not yet). */
  | 'TEXT'
  /** An XLSX workbook in the facility's template (first worksheet). */
  | 'XLSX';

/** Where one row is. */
export type IntakeRowStatus =
  /** Created as a sample (`sampleId`). */
  | 'COMMITTED'
  /** Left out of the commit by the user. */
  | 'EXCLUDED'
  /** Samples refused it at commit; see `errors`. */
  | 'FAILED'
  /** At least one value is wrong; see `errors`. Fix it (updateIntakeRow) or exclude it. */
  | 'INVALID'
  /** Passed every check; it will be committed. */
  | 'VALID';

/** Where an intake job is in its life. */
export type IntakeStatus =
  /** Every row that was not excluded is now a sample. */
  | 'COMMITTED'
  /** Valid rows are being created as samples. */
  | 'COMMITTING'
  /** The sheet could not be read, or the commit created nothing; see `error`. */
  | 'FAILED'
  /** The sheet is being read and checked. */
  | 'PARSING'
  /** Some rows became samples; others were refused or are still invalid (see the rows). Commit again with the same key after fixing them. */
  | 'PARTIALLY_COMMITTED'
  /** Read and checked: review the rows, fix or exclude them, then commit. */
  | 'VALIDATED';

/** Library preparation details; kit, input mass and fragment length are required to complete. */
export type LibraryPrepResultsInput = {
  /** Barcode of this sample. */
  barcode?: string | null | undefined;
  /** Barcoding kit code. */
  barcodeKit?: string | null | undefined;
  /** Input mass, ng. */
  inputNg?: number | null | undefined;
  /** Sequencing kit code (SQK-…). */
  kitCode?: string | null | undefined;
  /** Kit lot. */
  kitLot?: string | null | undefined;
  /** Mean fragment length, bp. */
  meanFragmentLengthBp?: number | null | undefined;
};

/** Library QC measurements; concentration and fmol loaded are required to complete. */
export type LibraryQcResultsInput = {
  /** Concentration, ng/µL. */
  concentrationNgPerUl?: number | null | undefined;
  /** fmol loaded. */
  fmolLoaded?: number | null | undefined;
  /** Mean size, bp. */
  meanSizeBp?: number | null | undefined;
  /** Staff verdict. */
  outcome?: QcOutcome | null | undefined;
};

/** Second level of the sample type: what the material physically is. */
export type MaterialType =
  /** PCR amplicons. */
  | 'AMPLICON'
  /** Complementary DNA. */
  | 'CDNA'
  /** Sheared or otherwise fragmented DNA. */
  | 'FRAGMENTED_DNA'
  /** High-molecular-weight genomic DNA. */
  | 'HMW_GDNA'
  /** Messenger RNA. */
  | 'MRNA'
  /** Anything else. */
  | 'OTHER'
  /** Plasmid DNA. */
  | 'PLASMID'
  /** Total RNA. */
  | 'TOTAL_RNA';

/** Nanopore chemistry of the flow cell. */
export type PoreChemistry =
  /** Anything else. */
  | 'OTHER'
  /** R9.4.1. */
  | 'R9_4_1'
  /** R10.4.1. */
  | 'R10_4_1'
  /** R10.5.1. */
  | 'R10_5_1';

/** How urgently a submission or sample is processed; the queue orders urgent first. */
export type Priority =
  /** Ahead of normal work (SLA 48 hours). */
  | 'HIGH'
  /** Processed when capacity allows (SLA 10 business days). */
  | 'LOW'
  /** The default (SLA 5 business days). */
  | 'NORMAL'
  /** Next in line; must have an assignee (SLA 24 hours). */
  | 'URGENT';

/** Project list filter. */
export type ProjectFilter = {
  /** Created at or after. */
  createdFrom?: string | null | undefined;
  /** Created at or before. */
  createdTo?: string | null | undefined;
  /** Only this lab. */
  labId?: string | null | undefined;
  /** Only this owner. */
  ownerId?: string | number | null | undefined;
  /** Text contained in the name, or an exact project id. */
  search?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<ProjectStatus> | null | undefined;
};

/** Lifecycle of a project. */
export type ProjectStatus =
  /** Open for new submissions. */
  | 'ACTIVE'
  /** Kept for the record; read-only. */
  | 'ARCHIVED'
  /** All work delivered. */
  | 'COMPLETED';

/** Result of a QC gate. */
export type QcOutcome =
  /** A metric was out of range, or staff recorded a failure. */
  | 'FAIL'
  /** Every checked metric was within its thresholds. */
  | 'PASS';

/** Quality assessment metrics; mean Q is required to complete. */
export type QualityAssessmentResultsInput = {
  /** Mean coverage (×). */
  coverage?: number | null | undefined;
  /** Mean read Q score. */
  meanQScore?: number | null | undefined;
  /** Staff verdict. */
  outcome?: QcOutcome | null | undefined;
  /** Pass reads, %. */
  passReadsPercent?: number | null | undefined;
};

/** What a person may do (see the auth README for the full role × operation matrix). */
export type Role =
  /** Manages users, configuration and the audit trail; can do everything staff can. */
  | 'ADMIN'
  /** Facility staff: works the queue, records QC, advances steps, sees every lab. */
  | 'STAFF'
  /** A customer: sees and creates only their own lab's projects, submissions and samples. */
  | 'SUBMITTER'
  /** Read-only access. */
  | 'VIEWER';

/** Sample list filter; all given conditions must hold. */
export type SampleFilter = {
  /** Only samples assigned to this user. */
  assigneeId?: string | number | null | undefined;
  /** Any of these flow cell devices. */
  flowCellDevice?: Array<FlowCellDevice> | null | undefined;
  /** Include withdrawn (archived) samples. */
  includeArchived?: boolean | null | undefined;
  /** Only controls (true) or only real samples (false). */
  isControl?: boolean | null | undefined;
  /** Only this lab (submitters are always confined to theirs). */
  labId?: string | null | undefined;
  /** Any of these material types. */
  materialType?: Array<MaterialType> | null | undefined;
  /** Any of these pore chemistries. */
  poreChemistry?: Array<PoreChemistry> | null | undefined;
  /** Any of these priorities. */
  priority?: Array<Priority> | null | undefined;
  /** Only this project. */
  projectId?: string | number | null | undefined;
  /** Any of these sample types. */
  sampleType?: Array<SampleType> | null | undefined;
  /** Text contained in the name or submission number, or an exact sample, submission or project id (up to 100 characters). */
  search?: string | null | undefined;
  /** Any of these statuses (up to 20). */
  status?: Array<SampleStatus> | null | undefined;
  /** Only this submission. */
  submissionId?: string | number | null | undefined;
  /** Submitted at or after. */
  submittedFrom?: string | null | undefined;
  /** Submitted at or before. */
  submittedTo?: string | null | undefined;
  /** true: only unassigned; false: only assigned. */
  unassigned?: boolean | null | undefined;
  /** Changed at or after. */
  updatedFrom?: string | null | undefined;
  /** Changed at or before. */
  updatedTo?: string | null | undefined;
};

/** One sample to add to a submission. */
export type SampleInput = {
  /** A260/A230 (0.01-5). */
  a260230?: number | null | undefined;
  /** A260/A280 (0.1-5). */
  a260280?: number | null | undefined;
  /** Staff only: the staff user who will work it. */
  assigneeId?: string | number | null | undefined;
  /** Billing account if not the submission's. */
  billingAccountId?: string | number | null | undefined;
  /** Buffer. */
  buffer?: string | null | undefined;
  /** Your key for this sample, unique in the submission (at most 200 characters); adding a sample with a key already used returns that sample instead of a second one, so retried imports never duplicate. */
  externalKey?: string | null | undefined;
  /** Flow cells requested (1-10, default 1). */
  flowCellCount?: number | null | undefined;
  /** Flow cell device. */
  flowCellDevice?: FlowCellDevice | null | undefined;
  /** Average fragment size in bp. */
  fragmentSize?: number | null | undefined;
  /** Positive control or blank. */
  isControl?: boolean | null | undefined;
  /** What the material physically is; must fit the sample type. */
  materialType?: MaterialType | null | undefined;
  /** Name, unique within the submission: letters of any script, digits, spaces and . _ - ( ) # / + : , '. */
  name: string;
  /** Nanodrop concentration in ng/µL (same ranges). */
  nanodropConcentration?: number | null | undefined;
  /** Notes (up to 5000 characters). */
  notes?: string | null | undefined;
  /** Source organism. */
  organism?: string | null | undefined;
  /** Pore chemistry. */
  poreChemistry?: PoreChemistry | null | undefined;
  /** Processing priority; defaults to the submission's. URGENT needs an assignee. */
  priority?: Priority | null | undefined;
  /** Qubit concentration in ng/µL (plausible range depends on the type: DNA 0.1-1000, RNA 0.1-500, protein 0.5-2000). */
  qubitConcentration?: number | null | undefined;
  /** Kind of material. */
  sampleType: SampleType;
  /** Volume in µL (0.1-1000). */
  volume?: number | null | undefined;
};

/** Sample QC measurements; to complete, volume and a concentration are required. */
export type SampleQcResultsInput = {
  /** A260/230 ratio. */
  a260230?: number | null | undefined;
  /** A260/280 ratio. */
  a260280?: number | null | undefined;
  /** Mean fragment size, bp. */
  fragmentSizeBp?: number | null | undefined;
  /** Nanodrop concentration, ng/µL. */
  nanodropNgPerUl?: number | null | undefined;
  /** Staff verdict; FAIL fails the step even when thresholds pass. */
  outcome?: QcOutcome | null | undefined;
  /** Qubit concentration, ng/µL. */
  qubitNgPerUl?: number | null | undefined;
  /** Volume, µL. */
  volumeUl?: number | null | undefined;
};

/** Processing state of a sample, derived by the workflow from its steps (never set by clients). */
export type SampleStatus =
  /** In basecalling or quality assessment. */
  | 'ANALYSIS'
  /** Kept for the record; no further work. */
  | 'ARCHIVED'
  /** Data packaged for delivery. */
  | 'COMPLETED'
  /** Delivery acknowledged by the recipient. */
  | 'DISTRIBUTED'
  /** In sample QC, library preparation or library QC. */
  | 'PREP'
  /** In sequencing setup or the sequencing run. */
  | 'SEQUENCING'
  /** Waiting for sample QC. */
  | 'SUBMITTED';

/** Kind of nucleic acid (or other material) in a sample. */
export type SampleType =
  /** Deoxyribonucleic acid. */
  | 'DNA'
  /** Anything else. */
  | 'OTHER'
  /** Protein. */
  | 'PROTEIN'
  /** Ribonucleic acid. */
  | 'RNA';

/** Oxford Nanopore sequencing devices (MinKNOW device types). */
export type SequencingDevice =
  /** GridION. */
  | 'GRIDION'
  /** MinION Mk1B. */
  | 'MINION'
  /** MinION Mk1C. */
  | 'MINION_MK1C'
  /** MinION Mk1D. */
  | 'MINION_MK1D'
  /** PromethION 2 Integrated. */
  | 'P2_INTEGRATED'
  /** PromethION 2 Solo. */
  | 'P2_SOLO'
  /** PromethION 24/48. */
  | 'PROMETHION';

/** Sequencing run metrics; run id and start are required to complete. */
export type SequencingRunResultsInput = {
  /** Bases. */
  baseCount?: number | null | undefined;
  /** Run end. */
  endedAt?: string | null | undefined;
  /** Mean Q score. */
  meanQScore?: number | null | undefined;
  /** Read N50, bp. */
  n50?: number | null | undefined;
  /** Pass reads, %. */
  passPercent?: number | null | undefined;
  /** Reads. */
  readCount?: number | null | undefined;
  /** MinKNOW run id. */
  runId?: string | null | undefined;
  /** Run start. */
  startedAt?: string | null | undefined;
};

/** Sequencing setup details; all fields are required to complete. */
export type SequencingSetupResultsInput = {
  /** Device type. */
  device?: SequencingDevice | null | undefined;
  /** Flow cell id. */
  flowCellId?: string | null | undefined;
  /** Flow cell product code. */
  flowCellProductCode?: string | null | undefined;
  /** Pores at the flow cell check (default: the stock flow cell's last count). */
  poreCountAtCheck?: number | null | undefined;
  /** Device position. */
  position?: string | null | undefined;
  /** Picks this flow cell from the inventory (it must be CHECKED, or WASHED for reuse, and not in another run): its id, product code and pore count fill the fields above. */
  stockFlowCellId?: string | number | null | undefined;
};

/**
 * Input to e-sign one record: what it means and the SHA-256 of the record's canonical form, which the
 * subgraph that owns the record shows (workflow: `stepSignatureRecord`).
 */
export type SignRecordInput = {
  /** What the signature means. */
  meaning: SignatureMeaning;
  /** Your password; may be left out only within 5 minutes of signing in with it (SIGNATURE_REQUIRED otherwise). */
  password?: string | null | undefined;
  /** SHA-256 (64 lower-case hex digits) of the record's canonical form, as its owner states it. */
  recordHash: string;
  /** The record's id. */
  recordId: string;
  /** The kind of record signed, e.g. WorkflowStep. */
  recordType: string;
};

/** What an e-signature means (21 CFR Part 11 §11.50), shown with the signature wherever it appears. */
export type SignatureMeaning =
  /** The signer approves the change (e.g. accepting a failed QC gate). */
  | 'APPROVED_BY'
  /** The signer is the author of the record. */
  | 'AUTHORED_BY'
  /** The signer takes responsibility for the change. */
  | 'RESPONSIBLE_FOR'
  /** The signer has reviewed the record. */
  | 'REVIEWED_BY';

/** Input to read a quote PDF: a stored file, the PDF uploaded with the request, or small PDF bytes inline (exactly one). */
export type StartPdfExtractionInput = {
  /** A StoredFile (application/pdf) the caller may see; the job belongs to its lab. */
  fileId?: string | number | null | undefined;
  /** File name to record (default: the stored file's, the uploaded part's, or quote.pdf). */
  filename?: string | null | undefined;
  /** Lab for an uploaded or inline PDF: required for staff; submitters may omit it (their own lab is used). */
  labId?: string | null | undefined;
  /** The PDF itself, base64, at most AI_INLINE_PDF_MAX_BYTES decoded (instead of fileId or upload). */
  pdfBase64?: string | null | undefined;
  /** The submission the quote is for, when it exists already. */
  submissionId?: string | number | null | undefined;
  /** The PDF as a multipart file part, at most AI_MAX_PDF_BYTES (instead of fileId or pdfBase64); kept with the job like inline bytes. */
  upload?: unknown;
};

/** One sample of a bulk start. */
export type StartStepInput = {
  /** Who will do it (defaults to the current assignee, else the caller). */
  assigneeId?: string | number | null | undefined;
  /** The step version you saw; CONFLICT if it changed. */
  expectedVersion?: number | null | undefined;
  /** The sample. */
  sampleId: string | number;
  /** The step to start. */
  step: WorkflowStepName;
};

/** What a step transition did. */
export type StepAction =
  /** The step's assignee changed. */
  | 'ASSIGNED'
  /** The step was completed. */
  | 'COMPLETED'
  /** The step failed (by QC outcome or explicitly). */
  | 'FAILED'
  /** A failed step was accepted by a senior member of staff. */
  | 'OVERRIDDEN'
  /** A failed or finished step was reopened for re-work. */
  | 'REOPENED'
  /** Results were saved without changing the status. */
  | 'RESULTS_RECORDED'
  /** The step was skipped. */
  | 'SKIPPED'
  /** Not a change: the current state, sent first when a live subscription starts. */
  | 'SNAPSHOT'
  /** The step was started. */
  | 'STARTED';

/** Results to record for a step: give exactly the block of that step. */
export type StepResultsInput = {
  /** For BASECALLING. */
  basecalling?: BasecallingResultsInput | null | undefined;
  /** For DATA_DELIVERY. */
  dataDelivery?: DataDeliveryResultsInput | null | undefined;
  /** For LIBRARY_PREP. */
  libraryPrep?: LibraryPrepResultsInput | null | undefined;
  /** For LIBRARY_QC. */
  libraryQc?: LibraryQcResultsInput | null | undefined;
  /** For QUALITY_ASSESSMENT. */
  qualityAssessment?: QualityAssessmentResultsInput | null | undefined;
  /** For SAMPLE_QC. */
  sampleQc?: SampleQcResultsInput | null | undefined;
  /** For SEQUENCING_RUN. */
  sequencingRun?: SequencingRunResultsInput | null | undefined;
  /** For SEQUENCING_SETUP. */
  sequencingSetup?: SequencingSetupResultsInput | null | undefined;
};

/** State of one workflow step. */
export type StepStatus =
  /** Done; the next step may start. */
  | 'COMPLETED'
  /** Failed; blocks the next step until reopened or overridden. */
  | 'FAILED'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'PENDING'
  /** Deliberately not done (with a reason); the next step may start. */
  | 'SKIPPED';

/** Submission list filter. */
export type SubmissionFilter = {
  /** Only this billing account. */
  billingAccountId?: string | number | null | undefined;
  /** Created at or after. */
  createdFrom?: string | null | undefined;
  /** Created at or before. */
  createdTo?: string | null | undefined;
  /** Only this lab. */
  labId?: string | null | undefined;
  /** Any of these priorities. */
  priority?: Array<Priority> | null | undefined;
  /** Only this project. */
  projectId?: string | number | null | undefined;
  /** Received at or after. */
  receivedFrom?: string | null | undefined;
  /** Received at or before. */
  receivedTo?: string | null | undefined;
  /** Text contained in the number or external quote id, or an exact submission or project id. */
  search?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<SubmissionStatus> | null | undefined;
  /** Only this submitter. */
  submitterId?: string | number | null | undefined;
};

/** Lifecycle of a submission, derived from its samples once received. */
export type SubmissionStatus =
  /** Withdrawn before completion. */
  | 'CANCELLED'
  /** Every sample is completed or delivered. */
  | 'COMPLETED'
  /** Being filled in by the customer. */
  | 'DRAFT'
  /** At least one sample is being processed. */
  | 'IN_PROGRESS'
  /** Material received by the facility. */
  | 'RECEIVED'
  /** Sent to the facility, material not yet received. */
  | 'SUBMITTED';

/** The 8 steps of the laboratory workflow, in order. */
export type WorkflowStepName =
  /** 6. Basecalling: software and model. */
  | 'BASECALLING'
  /** 8. Data delivery to the customer. */
  | 'DATA_DELIVERY'
  /** 2. Library preparation: kit, barcode, input mass. */
  | 'LIBRARY_PREP'
  /** 3. Library QC: concentration, size, fmol loaded (QC gate). */
  | 'LIBRARY_QC'
  /** 7. Read quality assessment (QC gate). */
  | 'QUALITY_ASSESSMENT'
  /** 1. Input QC: concentration, volume, purity (QC gate). */
  | 'SAMPLE_QC'
  /** 5. The sequencing run. */
  | 'SEQUENCING_RUN'
  /** 4. Sequencing setup: device, position, flow cell check. */
  | 'SEQUENCING_SETUP';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, role: Role, labId: string | null, labName: string | null } | null };

export type CreateUploadMutationVariables = Exact<{
  input: CreateUploadInput;
}>;


export type CreateUploadMutation = { createUpload: { uploadId: string, uploadUrl: string, method: string, maxBytes: number, headers: Array<{ name: string, value: string }> } };

export type CompleteUploadMutationVariables = Exact<{
  id: string | number;
}>;


export type CompleteUploadMutation = { completeUpload: { id: string, filename: string } };

export type UpdateIntakeRowMutationVariables = Exact<{
  id: string | number;
  values: unknown;
}>;


export type UpdateIntakeRowMutation = { updateIntakeRow: { id: string, status: IntakeRowStatus, raw: unknown, parsed: unknown, errors: Array<{ field: string, column: string | null, message: string }> } };

export type ExcludeIntakeRowsMutationVariables = Exact<{
  jobId: string | number;
  rowIds: Array<string | number> | string | number;
  excluded?: boolean | null | undefined;
}>;


export type ExcludeIntakeRowsMutation = { excludeIntakeRows: { id: string, status: IntakeStatus, rowCount: number, errorCount: number, excludedCount: number } };

export type UsersQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, name: string, email: string | null, role: Role, labId: string | null, labName: string | null, active: boolean | null, lastLoginAt: string | null } }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, name: string } };

export type UpdateRoleMutationVariables = Exact<{
  id: string | number;
  role: Role;
}>;


export type UpdateRoleMutation = { updateUser: { id: string, role: Role } };

export type DeactivateMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateMutation = { deactivateUser: { id: string, active: boolean | null } };

export type ReactivateMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateMutation = { reactivateUser: { id: string, active: boolean | null } };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { apiScopes: Array<string>, apiTokens: { edges: Array<{ node: { id: string, name: string, prefix: string, scopes: Array<string>, lastUsedAt: string | null, expiresAt: string, createdAt: string, revokedAt: string | null } }> } };

export type CreateTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string } } };

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export type VerifyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyChainQuery = { verifyAuditChain: { valid: boolean, checked: number, fromSeq: number | null, toSeq: number | null, firstBrokenSeq: number | null, reason: string | null } };

export type DeadLettersQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadLettersQuery = { deadLetters: { totalCount: number, edges: Array<{ node: { id: string, consumerGroup: string, eventType: string | null, reason: string, receivedAt: string } }> } };

export type BoardQueueFragment = { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> };

export type BoardQueryVariables = Exact<{
  first: number;
}>;


export type BoardQuery = { sampleQc: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, libraryPrep: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, libraryQc: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, sequencingSetup: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, sequencingRun: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, basecalling: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, qualityAssessment: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, dataDelivery: { totalCount: number, edges: Array<{ node: { priority: Priority, waitingSince: string, sample: { id: string, number: number, name: string, overdue: boolean }, workflow: { id: string, dueAt: string | null }, step: { id: string, status: StepStatus } } }> }, sampleStats: { total: number, byStatus: Array<{ status: SampleStatus, count: number }> } };

export type BoardEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BoardEventsSubscription = { workflowEvents: { seq: number, sampleId: string, action: StepAction, step: WorkflowStepName, status: StepStatus, occurredAt: string, sample: { id: string, name: string } } };

export type ExportSamplesMutationVariables = Exact<{
  format: ExportFormat;
  filter?: SampleFilter | null | undefined;
}>;


export type ExportSamplesMutation = { exportSamples: { id: string, status: ExportStatus } };

export type ExportSubmissionsMutationVariables = Exact<{
  format: ExportFormat;
}>;


export type ExportSubmissionsMutation = { exportSubmissions: { id: string, status: ExportStatus } };

export type ExportProjectsMutationVariables = Exact<{
  format: ExportFormat;
}>;


export type ExportProjectsMutation = { exportProjects: { id: string, status: ExportStatus } };

export type ExportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportJobQuery = { exportJob: { id: string, kind: ExportKind, format: ExportFormat, status: ExportStatus, progress: number, rowsTotal: number | null, rowsWritten: number, byteSize: number | null, downloadUrl: string | null, error: string | null, createdAt: string, finishedAt: string | null } | null };

export type IntakeChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type IntakeChoicesQuery = { submissions: { edges: Array<{ node: { id: string, number: string, labId: string, project: { name: string } } }> } };

export type IntakeJobQueryVariables = Exact<{
  id: string | number;
  rowsAfter?: string | null | undefined;
  rowStatus?: IntakeRowStatus | null | undefined;
}>;


export type IntakeJobQuery = { intakeJob: { id: string, kind: IntakeKind, status: IntakeStatus, filename: string | null, rowCount: number, errorCount: number, excludedCount: number, committedCount: number, failedCount: number, error: string | null, ignoredColumns: Array<string>, createdAt: string, committedAt: string | null, submission: { id: string, number: string } | null, rows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, rowNumber: number, status: IntakeRowStatus, raw: unknown, parsed: unknown, sampleId: string | null, errors: Array<{ field: string, column: string | null, message: string }> } }> } } | null };

export type IntakeProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type IntakeProgressSubscription = { intakeProgress: { jobId: string, status: IntakeStatus, processed: number, total: number | null, rowCount: number, errorCount: number, excludedCount: number, committedCount: number, failedCount: number, occurredAt: string } };

export type IntakeJobsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntakeJobsQuery = { intakeJobs: { edges: Array<{ node: { id: string, filename: string | null, kind: IntakeKind, status: IntakeStatus, rowCount: number, errorCount: number, createdAt: string, submission: { id: string, number: string } | null } }> } };

export type IntakeCsvMutationVariables = Exact<{
  input: CreateIntakeFromCsvInput;
}>;


export type IntakeCsvMutation = { createIntakeFromCsv: { id: string, status: IntakeStatus, rowCount: number, errorCount: number } };

export type IntakeXlsxMutationVariables = Exact<{
  input: CreateIntakeFromXlsxInput;
}>;


export type IntakeXlsxMutation = { createIntakeFromXlsx: { id: string, status: IntakeStatus, rowCount: number, errorCount: number } };

export type CommitIntakeMutationVariables = Exact<{
  id: string | number;
  idempotencyKey: string;
}>;


export type CommitIntakeMutation = { commitIntake: { id: string, status: IntakeStatus, committedCount: number, failedCount: number, error: string | null } };

export type ProjectsQueryVariables = Exact<{
  filter?: ProjectFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, description: string | null, labId: string, status: ProjectStatus, createdAt: string, owner: { id: string, name: string } } }> } };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { id: string, name: string } };

export type QueueQueryVariables = Exact<{
  step: WorkflowStepName;
  first: number;
  after?: string | null | undefined;
}>;


export type QueueQuery = { workQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { priority: Priority, waitingSince: string, assignee: { id: string, name: string } | null, sample: { id: string, number: number, name: string, overdue: boolean, labId: string }, workflow: { id: string, dueAt: string | null, eta: string }, step: { id: string, status: StepStatus, version: number, outcome: QcOutcome | null, overridden: boolean } } }> } };

export type AssigneesQueryVariables = Exact<{ [key: string]: never; }>;


export type AssigneesQuery = { staff: { edges: Array<{ node: { id: string, name: string, email: string | null } }> }, admins: { edges: Array<{ node: { id: string, name: string, email: string | null } }> } };

export type ExtractionJobsQueryVariables = Exact<{
  status?: ExtractionStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type ExtractionJobsQuery = { extractionJobs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, filename: string | null, status: ExtractionStatus, form: string | null, stage: ExtractionStage, progress: number, needsReviewCount: number, labId: string, createdAt: string, submission: { id: string, number: string } | null } }> } };

export type ExtractionJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ExtractionJobQuery = { extractionJob: { id: string, filename: string | null, status: ExtractionStatus, method: ExtractionMethod, form: string | null, stage: ExtractionStage, progress: number, pagesDone: number, pagesTotal: number | null, warnings: Array<string>, error: string | null, rejectReason: string | null, labId: string, createdAt: string, finishedAt: string | null, reviewedAt: string | null, needsReviewCount: number, submission: { id: string, number: string } | null, results: Array<{ id: string, fieldName: string, value: string | null, values: Array<string> | null, confidence: number, source: FieldSource, warning: string | null, extractedValue: string | null, sourceText: string, line: number | null, page: number | null, boundingBox: Array<number> | null, needsReview: boolean, correctedBy: string | null }>, samples: Array<{ sampleNumber: string, sampleName: string, volume: string | null, volumeUnit: string | null, qubitConc: string | null, qubitUnit: string | null, nanodropConc: string | null, nanodropUnit: string | null, a260_280: string | null, a260_230: string | null, isControl: boolean, confidence: number, page: number, warning: string | null }> } | null };

export type ExtractionProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type ExtractionProgressSubscription = { extractionProgress: { jobId: string, status: ExtractionStatus, stage: ExtractionStage, page: number, pages: number, progress: number, message: string | null } };

export type StartPdfExtractionMutationVariables = Exact<{
  input: StartPdfExtractionInput;
}>;


export type StartPdfExtractionMutation = { startPdfExtraction: { id: string, status: ExtractionStatus } };

export type CorrectExtractionFieldMutationVariables = Exact<{
  input: CorrectExtractionFieldInput;
}>;


export type CorrectExtractionFieldMutation = { correctExtractionField: { id: string, value: string | null, values: Array<string> | null, confidence: number, source: FieldSource, warning: string | null, extractedValue: string | null, needsReview: boolean, correctedBy: string | null } };

export type CorrectExtractedSampleMutationVariables = Exact<{
  input: CorrectExtractedSampleInput;
}>;


export type CorrectExtractedSampleMutation = { correctExtractedSample: { sampleNumber: string } };

export type AcceptExtractionMutationVariables = Exact<{
  jobId: string | number;
}>;


export type AcceptExtractionMutation = { acceptExtraction: { id: string, status: ExtractionStatus, reviewedAt: string | null } };

export type RejectExtractionMutationVariables = Exact<{
  jobId: string | number;
  reason: string;
}>;


export type RejectExtractionMutation = { rejectExtraction: { id: string, status: ExtractionStatus, rejectReason: string | null, reviewedAt: string | null } };

export type SamplePageQueryVariables = Exact<{
  id: string | number;
}>;


export type SamplePageQuery = { sample: { id: string, number: number, name: string, sampleType: SampleType, materialType: MaterialType | null, organism: string | null, buffer: string | null, qubitConcentration: number | null, volume: number | null, fragmentSize: number | null, flowCellDevice: FlowCellDevice | null, poreChemistry: PoreChemistry | null, flowCellCount: number, labId: string, priority: Priority, status: SampleStatus, submittedAt: string, completedAt: string | null, overdue: boolean, eta: string | null, version: number, notes: string | null, assignee: { id: string, name: string } | null, submission: { id: string, number: string }, project: { id: string, name: string }, attachments: Array<{ id: string, filename: string, byteSize: number, contentType: string, downloadUrl: string | null, createdAt: string }>, workflow: { id: string, progress: number, completedSteps: number, dueAt: string | null, eta: string, overdue: boolean, currentStep: { name: WorkflowStepName, status: StepStatus } | null, steps: Array<{ id: string, name: WorkflowStepName, position: number, status: StepStatus, startedAt: string | null, completedAt: string | null, estimatedHours: number, actualHours: number | null, outcome: QcOutcome | null, overridden: boolean, notes: string | null, assignee: { name: string } | null, completedBy: { name: string } | null, qcChecks: Array<{ metric: string, value: number | null, min: number | null, max: number | null, passed: boolean, message: string }>, results:
          | { __typename: 'BasecallingResults', software: string | null, softwareVersion: string | null, model: string | null, modifiedBases: Array<string> | null, minQScore: number | null, duplex: boolean | null }
          | { __typename: 'DataDeliveryResults', method: DeliveryMethod | null, location: string | null, acknowledgedBy: string | null, acknowledgedAt: string | null, files: Array<{ path: string, bytes: number }> | null }
          | { __typename: 'LibraryPrepResults', kitCode: string | null, kitLot: string | null, barcodeKit: string | null, barcode: string | null, inputNg: number | null, meanFragmentLengthBp: number | null, fmol: number | null }
          | { __typename: 'LibraryQcResults', concentrationNgPerUl: number | null, meanSizeBp: number | null, fmolLoaded: number | null, lqcOutcome: QcOutcome | null }
          | { __typename: 'QualityAssessmentResults', coverage: number | null, passReadsPercent: number | null, qaMeanQScore: number | null, qaOutcome: QcOutcome | null }
          | { __typename: 'SampleQcResults', qubitNgPerUl: number | null, nanodropNgPerUl: number | null, volumeUl: number | null, totalNg: number | null, a260280: number | null, a260230: number | null, fragmentSizeBp: number | null, sqcOutcome: QcOutcome | null }
          | { __typename: 'SequencingRunResults', runId: string | null, startedAt: string | null, endedAt: string | null, readCount: number | null, baseCount: number | null, n50: number | null, passPercent: number | null, meanQScore: number | null }
          | { __typename: 'SequencingSetupResults', device: SequencingDevice | null, position: string | null, flowCellId: string | null, flowCellProductCode: string | null, poreCountAtCheck: number | null }
         | null }> } | null, history: { totalCount: number, edges: Array<{ node: { id: string, type: string, occurredAt: string, reason: string | null, actor: { name: string | null, via: string } } }> } } | null };

export type SampleProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type SampleProgressSubscription = { workflowProgress: { seq: number, action: StepAction, step: WorkflowStepName, status: StepStatus, progress: number, occurredAt: string } };

export type SetPriorityMutationVariables = Exact<{
  id: string | number;
  priority: Priority;
}>;


export type SetPriorityMutation = { setSamplePriority: { id: string, priority: Priority } };

export type SubmissionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type SubmissionPageQuery = { submission: { id: string, number: string, status: SubmissionStatus, priority: Priority, labId: string, externalQuoteId: string | null, specialInstructions: string | null, submittedAt: string | null, receivedAt: string | null, sampleCount: number, completedCount: number, project: { id: string, name: string }, submitter: { id: string, name: string }, samples: Array<{ id: string, number: number, name: string, status: SampleStatus, priority: Priority, overdue: boolean, sampleType: SampleType, workflow: { completedSteps: number, currentStep: { name: WorkflowStepName, status: StepStatus } | null } | null }>, attachments: Array<{ id: string, filename: string, byteSize: number, downloadUrl: string | null, createdAt: string }>, intake: Array<{ id: string, kind: IntakeKind, status: IntakeStatus, filename: string | null, rowCount: number, errorCount: number, createdAt: string }> } | null };

export type AddSamplesMutationVariables = Exact<{
  submissionId: string | number;
  samples: Array<SampleInput> | SampleInput;
}>;


export type AddSamplesMutation = { addSamples: Array<{ id: string, name: string }> };

export type StaffChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffChoicesQuery = { users: { edges: Array<{ node: { id: string, name: string, role: Role } }> } };

export type MarkReceivedMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkReceivedMutation = { markSubmissionReceived: { id: string, status: SubmissionStatus, receivedAt: string | null } };

export type SubmissionsQueryVariables = Exact<{
  filter?: SubmissionFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type SubmissionsQuery = { submissions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: SubmissionStatus, priority: Priority, labId: string, sampleCount: number, completedCount: number, createdAt: string, project: { id: string, name: string }, submitter: { id: string, name: string } } }> } };

export type ProjectChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectChoicesQuery = { projects: { edges: Array<{ node: { id: string, name: string, labId: string } }> } };

export type CreateSubmissionMutationVariables = Exact<{
  input: CreateSubmissionInput;
}>;


export type CreateSubmissionMutation = { createSubmission: { id: string, number: string } };

export type FinishedSamplesQueryVariables = Exact<{
  from: string;
  after?: string | null | undefined;
}>;


export type FinishedSamplesQuery = { samples: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, submittedAt: string, completedAt: string | null } }> } };

export type StartStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  assigneeId?: string | number | null | undefined;
}>;


export type StartStepMutation = { startStep: { id: string, status: StepStatus, version: number, assignee: { id: string, name: string } | null } };

export type CompleteStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  results?: StepResultsInput | null | undefined;
  notes?: string | null | undefined;
}>;


export type CompleteStepMutation = { completeStep: { id: string, status: StepStatus, outcome: QcOutcome | null, version: number, qcChecks: Array<{ metric: string, passed: boolean, message: string }> } };

export type FailStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  reason: string;
}>;


export type FailStepMutation = { failStep: { id: string, status: StepStatus, version: number } };

export type SkipStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  reason: string;
  signature?: string | null | undefined;
}>;


export type SkipStepMutation = { skipStep: { id: string, status: StepStatus, version: number } };

export type OverrideStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  reason: string;
  signature?: string | null | undefined;
}>;


export type OverrideStepMutation = { overrideStep: { id: string, status: StepStatus, overridden: boolean, version: number } };

export type ReopenStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  reason: string;
  signature?: string | null | undefined;
}>;


export type ReopenStepMutation = { reopenStep: { id: string, status: StepStatus, version: number } };

export type AssignStepMutationVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  assigneeId?: string | number | null | undefined;
  expectedVersion: number;
}>;


export type AssignStepMutation = { assignStep: { id: string, status: StepStatus, version: number, assignee: { id: string, name: string } | null } };

export type StartStepsMutationVariables = Exact<{
  inputs: Array<StartStepInput> | StartStepInput;
}>;


export type StartStepsMutation = { startSteps: Array<{ sampleId: string, ok: boolean, error: { code: string, message: string, field: string | null } | null }> };

export type CompleteStepsMutationVariables = Exact<{
  inputs: Array<CompleteStepInput> | CompleteStepInput;
}>;


export type CompleteStepsMutation = { completeSteps: Array<{ sampleId: string, ok: boolean, step: { id: string, status: StepStatus, outcome: QcOutcome | null } | null, error: { code: string, message: string, field: string | null } | null }> };

export type SignableStepQueryVariables = Exact<{
  sampleId: string | number;
  step: WorkflowStepName;
  action: StepAction;
  reason: string;
}>;


export type SignableStepQuery = { stepSignatureRecord: { recordType: string, recordId: string, hash: string, canonical: string } };

export type SignRecordMutationVariables = Exact<{
  input: SignRecordInput;
}>;


export type SignRecordMutation = { signRecord: { id: string, token: string, meaning: SignatureMeaning, signedAt: string } };

export const BoardQueueFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardQueue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkQueueConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"waitingSince"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"step"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardQueueFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"labName"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const CreateUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadId"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}}]}}]}}]} as unknown as DocumentNode<CreateUploadMutation, CreateUploadMutationVariables>;
export const CompleteUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}}]} as unknown as DocumentNode<CompleteUploadMutation, CompleteUploadMutationVariables>;
export const UpdateIntakeRowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIntakeRow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"values"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIntakeRow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"values"},"value":{"kind":"Variable","name":{"kind":"Name","value":"values"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"parsed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateIntakeRowMutation, UpdateIntakeRowMutationVariables>;
export const ExcludeIntakeRowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExcludeIntakeRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excluded"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"excludeIntakeRows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"rowIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"excluded"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excluded"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"excludedCount"}}]}}]}}]} as unknown as DocumentNode<ExcludeIntakeRowsMutation, ExcludeIntakeRowsMutationVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"labName"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<UpdateRoleMutation, UpdateRoleMutationVariables>;
export const DeactivateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Deactivate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<DeactivateMutation, DeactivateMutationVariables>;
export const ReactivateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reactivate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<ReactivateMutation, ReactivateMutationVariables>;
export const TokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiScopes"}},{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const VerifyChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"fromSeq"}},{"kind":"Field","name":{"kind":"Name","value":"toSeq"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenSeq"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<VerifyChainQuery, VerifyChainQueryVariables>;
export const DeadLettersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadLetters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadLetters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consumerGroup"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeadLettersQuery, DeadLettersQueryVariables>;
export const BoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Board"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"sampleQc"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"SAMPLE_QC"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"libraryPrep"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"LIBRARY_PREP"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"libraryQc"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"LIBRARY_QC"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"sequencingSetup"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"SEQUENCING_SETUP"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"sequencingRun"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"SEQUENCING_RUN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"basecalling"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"BASECALLING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"qualityAssessment"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"QUALITY_ASSESSMENT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"dataDelivery"},"name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"DATA_DELIVERY"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardQueue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sampleStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardQueue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkQueueConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"waitingSince"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"step"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BoardQuery, BoardQueryVariables>;
export const BoardEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BoardEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"sampleId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<BoardEventsSubscription, BoardEventsSubscriptionVariables>;
export const ExportSamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportSamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SampleFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportSamples"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ExportSamplesMutation, ExportSamplesMutationVariables>;
export const ExportSubmissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportSubmissions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportFormat"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportSubmissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ExportSubmissionsMutation, ExportSubmissionsMutationVariables>;
export const ExportProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportProjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportFormat"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportProjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ExportProjectsMutation, ExportProjectsMutationVariables>;
export const ExportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"rowsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<ExportJobQuery, ExportJobQueryVariables>;
export const IntakeChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntakeChoicesQuery, IntakeChoicesQueryVariables>;
export const IntakeJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowsAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowStatus"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IntakeRowStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intakeJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"excludedCount"}},{"kind":"Field","name":{"kind":"Name","value":"committedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"ignoredColumns"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowsAfter"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"parsed"}},{"kind":"Field","name":{"kind":"Name","value":"sampleId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntakeJobQuery, IntakeJobQueryVariables>;
export const IntakeProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IntakeProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intakeProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"excludedCount"}},{"kind":"Field","name":{"kind":"Name","value":"committedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<IntakeProgressSubscription, IntakeProgressSubscriptionVariables>;
export const IntakeJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intakeJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntakeJobsQuery, IntakeJobsQueryVariables>;
export const IntakeCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntakeCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIntakeFromCsvInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntakeFromCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}}]}}]}}]} as unknown as DocumentNode<IntakeCsvMutation, IntakeCsvMutationVariables>;
export const IntakeXlsxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntakeXlsx"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIntakeFromXlsxInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntakeFromXlsx"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}}]}}]}}]} as unknown as DocumentNode<IntakeXlsxMutation, IntakeXlsxMutationVariables>;
export const CommitIntakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CommitIntake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitIntake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"committedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<CommitIntakeMutation, CommitIntakeMutationVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const CreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const QueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Queue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"waitingSince"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"eta"}}]}},{"kind":"Field","name":{"kind":"Name","value":"step"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QueueQuery, QueueQueryVariables>;
export const AssigneesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"staff"},"name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"STAFF"}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"admins"},"name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"ADMIN"}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssigneesQuery, AssigneesQueryVariables>;
export const ExtractionJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExtractionJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractionStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extractionJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"needsReviewCount"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExtractionJobsQuery, ExtractionJobsQueryVariables>;
export const ExtractionJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExtractionJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extractionJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"rejectReason"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsReviewCount"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"extractedValue"}},{"kind":"Field","name":{"kind":"Name","value":"sourceText"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"boundingBox"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"correctedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"samples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sampleName"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"volumeUnit"}},{"kind":"Field","name":{"kind":"Name","value":"qubitConc"}},{"kind":"Field","name":{"kind":"Name","value":"qubitUnit"}},{"kind":"Field","name":{"kind":"Name","value":"nanodropConc"}},{"kind":"Field","name":{"kind":"Name","value":"nanodropUnit"}},{"kind":"Field","name":{"kind":"Name","value":"a260_280"}},{"kind":"Field","name":{"kind":"Name","value":"a260_230"}},{"kind":"Field","name":{"kind":"Name","value":"isControl"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}}]}}]}}]}}]} as unknown as DocumentNode<ExtractionJobQuery, ExtractionJobQueryVariables>;
export const ExtractionProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExtractionProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extractionProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExtractionProgressSubscription, ExtractionProgressSubscriptionVariables>;
export const StartPdfExtractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPdfExtraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPdfExtractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPdfExtraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartPdfExtractionMutation, StartPdfExtractionMutationVariables>;
export const CorrectExtractionFieldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectExtractionField"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectExtractionFieldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctExtractionField"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"extractedValue"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"correctedBy"}}]}}]}}]} as unknown as DocumentNode<CorrectExtractionFieldMutation, CorrectExtractionFieldMutationVariables>;
export const CorrectExtractedSampleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectExtractedSample"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectExtractedSampleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctExtractedSample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleNumber"}}]}}]}}]} as unknown as DocumentNode<CorrectExtractedSampleMutation, CorrectExtractedSampleMutationVariables>;
export const AcceptExtractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptExtraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptExtraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]} as unknown as DocumentNode<AcceptExtractionMutation, AcceptExtractionMutationVariables>;
export const RejectExtractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectExtraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectExtraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectReason"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]} as unknown as DocumentNode<RejectExtractionMutation, RejectExtractionMutationVariables>;
export const SamplePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SamplePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sampleType"}},{"kind":"Field","name":{"kind":"Name","value":"materialType"}},{"kind":"Field","name":{"kind":"Name","value":"organism"}},{"kind":"Field","name":{"kind":"Name","value":"buffer"}},{"kind":"Field","name":{"kind":"Name","value":"qubitConcentration"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"fragmentSize"}},{"kind":"Field","name":{"kind":"Name","value":"flowCellDevice"}},{"kind":"Field","name":{"kind":"Name","value":"poreChemistry"}},{"kind":"Field","name":{"kind":"Name","value":"flowCellCount"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"eta"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"completedSteps"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"eta"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedHours"}},{"kind":"Field","name":{"kind":"Name","value":"actualHours"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qcChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SampleQcResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qubitNgPerUl"}},{"kind":"Field","name":{"kind":"Name","value":"nanodropNgPerUl"}},{"kind":"Field","name":{"kind":"Name","value":"volumeUl"}},{"kind":"Field","name":{"kind":"Name","value":"totalNg"}},{"kind":"Field","name":{"kind":"Name","value":"a260280"}},{"kind":"Field","name":{"kind":"Name","value":"a260230"}},{"kind":"Field","name":{"kind":"Name","value":"fragmentSizeBp"}},{"kind":"Field","alias":{"kind":"Name","value":"sqcOutcome"},"name":{"kind":"Name","value":"outcome"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LibraryPrepResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kitCode"}},{"kind":"Field","name":{"kind":"Name","value":"kitLot"}},{"kind":"Field","name":{"kind":"Name","value":"barcodeKit"}},{"kind":"Field","name":{"kind":"Name","value":"barcode"}},{"kind":"Field","name":{"kind":"Name","value":"inputNg"}},{"kind":"Field","name":{"kind":"Name","value":"meanFragmentLengthBp"}},{"kind":"Field","name":{"kind":"Name","value":"fmol"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LibraryQcResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concentrationNgPerUl"}},{"kind":"Field","name":{"kind":"Name","value":"meanSizeBp"}},{"kind":"Field","name":{"kind":"Name","value":"fmolLoaded"}},{"kind":"Field","alias":{"kind":"Name","value":"lqcOutcome"},"name":{"kind":"Name","value":"outcome"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SequencingSetupResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"flowCellId"}},{"kind":"Field","name":{"kind":"Name","value":"flowCellProductCode"}},{"kind":"Field","name":{"kind":"Name","value":"poreCountAtCheck"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SequencingRunResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"readCount"}},{"kind":"Field","name":{"kind":"Name","value":"baseCount"}},{"kind":"Field","name":{"kind":"Name","value":"n50"}},{"kind":"Field","name":{"kind":"Name","value":"passPercent"}},{"kind":"Field","name":{"kind":"Name","value":"meanQScore"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BasecallingResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"software"}},{"kind":"Field","name":{"kind":"Name","value":"softwareVersion"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedBases"}},{"kind":"Field","name":{"kind":"Name","value":"minQScore"}},{"kind":"Field","name":{"kind":"Name","value":"duplex"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QualityAssessmentResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"qaMeanQScore"},"name":{"kind":"Name","value":"meanQScore"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"passReadsPercent"}},{"kind":"Field","alias":{"kind":"Name","value":"qaOutcome"},"name":{"kind":"Name","value":"outcome"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataDeliveryResults"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"via"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SamplePageQuery, SamplePageQueryVariables>;
export const SampleProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SampleProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<SampleProgressSubscription, SampleProgressSubscriptionVariables>;
export const SetPriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priority"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Priority"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSamplePriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"priority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priority"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}}]} as unknown as DocumentNode<SetPriorityMutation, SetPriorityMutationVariables>;
export const SubmissionPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubmissionPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"externalQuoteId"}},{"kind":"Field","name":{"kind":"Name","value":"specialInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"completedCount"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"samples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"sampleType"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completedSteps"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionPageQuery, SubmissionPageQueryVariables>;
export const AddSamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samples"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SampleInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSamples"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"samples"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samples"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AddSamplesMutation, AddSamplesMutationVariables>;
export const StaffChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaffChoicesQuery, StaffChoicesQueryVariables>;
export const MarkReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markSubmissionReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}}]} as unknown as DocumentNode<MarkReceivedMutation, MarkReceivedMutationVariables>;
export const SubmissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Submissions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmissionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}},{"kind":"Field","name":{"kind":"Name","value":"sampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"completedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionsQuery, SubmissionsQueryVariables>;
export const ProjectChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACTIVE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectChoicesQuery, ProjectChoicesQueryVariables>;
export const CreateSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSubmissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<CreateSubmissionMutation, CreateSubmissionMutationVariables>;
export const FinishedSamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FinishedSamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"COMPLETED"},{"kind":"EnumValue","value":"DISTRIBUTED"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"updatedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FinishedSamplesQuery, FinishedSamplesQueryVariables>;
export const StartStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StartStepMutation, StartStepMutationVariables>;
export const CompleteStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"results"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StepResultsInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"results"},"value":{"kind":"Variable","name":{"kind":"Name","value":"results"}}},{"kind":"Argument","name":{"kind":"Name","value":"notes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"qcChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteStepMutation, CompleteStepMutationVariables>;
export const FailStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FailStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<FailStepMutation, FailStepMutationVariables>;
export const SkipStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SkipStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skipStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SkipStepMutation, SkipStepMutationVariables>;
export const OverrideStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OverrideStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<OverrideStepMutation, OverrideStepMutationVariables>;
export const ReopenStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ReopenStepMutation, ReopenStepMutationVariables>;
export const AssignStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignStep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AssignStepMutation, AssignStepMutationVariables>;
export const StartStepsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSteps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartStepInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSteps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<StartStepsMutation, StartStepsMutationVariables>;
export const CompleteStepsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteSteps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteStepInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeSteps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"step"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteStepsMutation, CompleteStepsMutationVariables>;
export const SignableStepDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignableStep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowStepName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StepAction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepSignatureRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordType"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"canonical"}}]}}]}}]} as unknown as DocumentNode<SignableStepQuery, SignableStepQueryVariables>;
export const SignRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"meaning"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}}]}}]}}]} as unknown as DocumentNode<SignRecordMutation, SignRecordMutationVariables>;