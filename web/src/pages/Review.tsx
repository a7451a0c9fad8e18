// PDF quote review: read a quote PDF (startPdfExtraction), follow the worker live
// (extractionProgress), then check every field it found with its confidence and where on the form it
// came from, correct what is wrong, and accept or reject the draft. ADMIN and STAFF only (the access
// matrix's reviewers); the list and the open job live in the URL (?status=…&after=…&job=…).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ExtractionJobQuery, ExtractionStatus } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { toBase64 } from '../lib/csv';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import {
  SAMPLE_CELLS, changedCells, confidenceLevel, describeBox, describeOrigin, fieldCorrection, fieldEditText, formatConfidence, runningExtraction, type SampleCell,
} from '../lib/extraction';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { Pager } from '../components/Pager';
import { IntakeChoices } from './Intake';

const ReviewJobs = graphql(`
  query ExtractionJobs($status: ExtractionStatus, $after: String) {
    extractionJobs(filter: { status: $status }, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id filename status form stage progress needsReviewCount labId createdAt submission { id number } } }
    }
  }
`);
export const ExtractionJobDetail = graphql(`
  query ExtractionJob($id: ID!) {
    extractionJob(id: $id) {
      id filename status method form stage progress pagesDone pagesTotal warnings error rejectReason labId createdAt finishedAt reviewedAt needsReviewCount
      submission { id number }
      results { id fieldName value values confidence source warning extractedValue sourceText line page boundingBox needsReview correctedBy }
      samples { sampleNumber sampleName volume volumeUnit qubitConc qubitUnit nanodropConc nanodropUnit a260_280 a260_230 isControl confidence page warning }
    }
  }
`);
const ExtractionProgressSubscription = graphql(`
  subscription ExtractionProgress($jobId: ID!) { extractionProgress(jobId: $jobId) { jobId status stage page pages progress message } }
`);
const StartPdf = graphql(`mutation StartPdfExtraction($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status } }`);
const CorrectField = graphql(`mutation CorrectExtractionField($input: CorrectExtractionFieldInput!) {
  correctExtractionField(input: $input) { id value values confidence source warning extractedValue needsReview correctedBy }
}`);
const CorrectSample = graphql(`mutation CorrectExtractedSample($input: CorrectExtractedSampleInput!) { correctExtractedSample(input: $input) { sampleNumber } }`);
const Accept = graphql(`mutation AcceptExtraction($jobId: ID!) { acceptExtraction(jobId: $jobId) { id status reviewedAt } }`);
const Reject = graphql(`mutation RejectExtraction($jobId: ID!, $reason: String!) { rejectExtraction(jobId: $jobId, reason: $reason) { id status rejectReason reviewedAt } }`);

const STATUSES: ExtractionStatus[] = ['NEEDS_REVIEW', 'QUEUED', 'RUNNING', 'ACCEPTED', 'REJECTED', 'FAILED'];
const MAX_PDF_BYTES = 700_000; // AI_INLINE_PDF_MAX_BYTES's default: larger files go through the files subgraph

type Job = NonNullable<ExtractionJobQuery['extractionJob']>;

export function ReviewPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  // The default view is the work: jobs waiting for a reviewer. ?status=ALL lists every job.
  const status = statusParam === 'ALL' ? null : STATUSES.find((s) => s === statusParam) ?? 'NEEDS_REVIEW';
  const after = params.get('after') ?? undefined;
  const jobId = params.get('job');
  const list = useQuery(ReviewJobs, { variables: { status, after } });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next);
  };
  if (!can(me?.role, 'reviewExtractions')) return <p className="state">Reviewing PDF quotes is for facility staff.</p>;
  const jobs = list.data?.extractionJobs.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">PDF quote review</h1>
      <p className="muted">Read a quote form, check what was found — each value with how sure the reader is and where on the form it came from — correct what is wrong, then accept or reject it. Values below 80% are marked for checking. Sample sheets (CSV, XLSX) go through <Link to="/intake">Intake</Link>.</p>
      <StartForm onStarted={(id) => { set({ job: id, status: 'ALL', after: null }); void list.refetch(); }} />
      <div className="toolbar">
        <label>Show{' '}
          <select aria-label="Jobs to show" value={statusParam === 'ALL' ? 'ALL' : status ?? 'ALL'} onChange={(e) => set({ status: e.target.value === 'NEEDS_REVIEW' ? null : e.target.value, after: null })}>
            <option value="NEEDS_REVIEW">Needing review</option>
            <option value="ALL">All jobs</option>
            {STATUSES.filter((s) => s !== 'NEEDS_REVIEW').map((s) => <option key={s} value={s}>{titleCase(s)}</option>)}
          </select>
        </label>
      </div>
      {list.error && !list.data ? <ErrorState error={list.error} what="extraction jobs" retry={() => void list.refetch()} /> : null}
      {list.loading && !list.data ? <Loading what="extraction jobs" /> : null}
      {list.data && jobs.length === 0 ? <Empty>{status === 'NEEDS_REVIEW' ? 'No quotes are waiting for review.' : 'No extraction jobs here.'}</Empty> : null}
      {jobs.length > 0 && (
        <table className="table" data-testid="extraction-jobs">
          <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">To check</th><th scope="col">Lab</th><th scope="col">Submission</th><th scope="col">Created</th></tr></thead>
          <tbody>{jobs.map((j) => (
            <tr key={j.id} aria-current={j.id === jobId ? 'true' : undefined} data-job={j.filename ?? j.id}>
              <td><Link to={`/review?${new URLSearchParams({ ...Object.fromEntries(params), job: j.id })}`}>{j.filename ?? 'pasted text'}</Link>{j.form ? ` · ${j.form}` : ''}</td>
              <td>{titleCase(j.status)}{runningExtraction(j.status) ? ` (${Math.round(j.progress * 100)}%)` : ''}</td>
              <td>{j.status === 'NEEDS_REVIEW' ? j.needsReviewCount : '—'}</td>
              <td>{j.labId}</td>
              <td>{j.submission ? <Link to={`/submissions/${j.submission.id}`}>{j.submission.number}</Link> : '—'}</td>
              <td>{formatDateTime(j.createdAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {list.data && <Pager pageInfo={list.data.extractionJobs.pageInfo} after={after} total={list.data.extractionJobs.totalCount} shown={jobs.length} onPage={(a) => set({ after: a ?? null })} />}
      {jobId ? <JobReview key={jobId} id={jobId} onChanged={() => void list.refetch()} /> : null}
    </section>
  );
}

function StartForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const choices = useQuery(IntakeChoices);
  const [start, { loading }] = useMutation(StartPdf);
  const [file, setFile] = useState<File | null>(null);
  const [labId, setLabId] = useState('');
  const [submissionId, setSubmissionId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submissions = choices.data?.submissions.edges.map((e) => e.node) ?? [];

  function pick(f: File | undefined) {
    setProblem(null);
    setFile(null);
    if (!f) return;
    if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') return setProblem(`${f.name} is not a PDF`);
    if (f.size > MAX_PDF_BYTES) return setProblem(`${f.name} is ${Math.round(f.size / 1024)} KB; quote PDFs read from here are limited to ${Math.round(MAX_PDF_BYTES / 1024)} KB`);
    setFile(f);
  }

  async function run() {
    if (!file) return;
    setProblem(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const lab = labId.trim() || submissions.find((s) => s.id === submissionId)?.labId || '';
      const res = await start({ variables: { input: { pdfBase64: toBase64(bytes), filename: file.name, labId: lab || undefined, submissionId: submissionId || undefined } } });
      if (res.data) onStarted(res.data.startPdfExtraction.id);
    } catch (err) {
      setProblem(describeError(err));
    }
  }

  return (
    <details className="create" open>
      <summary>Read a quote PDF</summary>
      <form className="inline-form" aria-label="Read a quote PDF" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label>Quote PDF <input type="file" accept=".pdf,application/pdf" onChange={(e) => pick(e.target.files?.[0])} /></label>
        <label>Submission (optional)
          <select value={submissionId} onChange={(e) => setSubmissionId(e.target.value)}>
            <option value="">None yet</option>
            {submissions.map((s) => <option key={s.id} value={s.id}>{s.number} · {s.project.name} ({s.labId})</option>)}
          </select>
        </label>
        <label>Lab id <input value={labId} onChange={(e) => setLabId(e.target.value)} placeholder="the submission's, if chosen" /></label>
        <button type="submit" disabled={!file || loading}>{loading ? 'Sending…' : 'Read the PDF'}</button>
      </form>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </details>
  );
}

function JobReview({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { data, error, loading, refetch } = useQuery(ExtractionJobDetail, { variables: { id } });
  const [live, setLive] = useState<{ stage: string; page: number; pages: number; progress: number; message?: string | null } | null>(null);
  const job = data?.extractionJob;
  const running = !job || runningExtraction(job.status);
  // The stream sends the job's state first, then every page and stage; it is followed only while the
  // job runs, and the finished job is read again for its results.
  useSubscription(ExtractionProgressSubscription, {
    variables: { jobId: id },
    skip: !running,
    onData: ({ data: event }) => {
      const p = event.data?.extractionProgress;
      if (!p) return;
      setLive(p);
      if (!runningExtraction(p.status)) { void refetch(); onChanged(); }
    },
  });

  if (error && !data) return <ErrorState error={error} what="the extraction job" retry={() => void refetch()} />;
  if (loading && !data) return <Loading what="the extraction job" />;
  if (!job) return <Notice kind="error">No extraction job with this id is visible to you.</Notice>;
  const progress = running && live ? live : { stage: job.stage, page: job.pagesDone, pages: job.pagesTotal ?? 0, progress: job.progress, message: job.error };
  return (
    <section aria-labelledby="job-title" data-testid="extraction-job" data-status={job.status}>
      <h2 id="job-title">{job.filename ?? 'Pasted text'}: {titleCase(job.status)}</h2>
      <dl className="details">
        <div><dt>Form</dt><dd>{job.form ?? '—'}</dd></div>
        <div><dt>Lab</dt><dd>{job.labId}</dd></div>
        <div><dt>Submission</dt><dd>{job.submission ? <Link to={`/submissions/${job.submission.id}`}>{job.submission.number}</Link> : '—'}</dd></div>
        <div><dt>Method</dt><dd>{titleCase(job.method)}</dd></div>
        <div><dt>Created</dt><dd>{formatDateTime(job.createdAt)}</dd></div>
        <div><dt>Read</dt><dd>{formatDateTime(job.finishedAt)}</dd></div>
      </dl>
      {running && (
        <div className="progress" role="status" aria-live="polite" data-testid="extraction-progress">
          <progress max={1} value={progress.progress} aria-label="Extraction progress" />
          <span>{titleCase(progress.stage)}{progress.pages ? ` · page ${progress.page} of ${progress.pages}` : ''} · {Math.round(progress.progress * 100)}%</span>
        </div>
      )}
      {job.status === 'FAILED' ? <Notice kind="error">The PDF could not be read: {job.error ?? progress.message ?? 'no reason given'}</Notice> : null}
      {job.status === 'REJECTED' ? <Notice kind="error">Rejected: {job.rejectReason}</Notice> : null}
      {job.status === 'ACCEPTED' ? <Notice kind="ok">Accepted {formatDateTime(job.reviewedAt)}.</Notice> : null}
      {job.warnings.length > 0 && <ul className="warnings">{job.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      {job.status === 'NEEDS_REVIEW' && <Decision job={job} onDone={() => { void refetch(); onChanged(); }} />}
      {job.results.length > 0 && <Fields job={job} />}
      {job.samples.length > 0 && <Samples job={job} onChanged={() => void refetch()} />}
    </section>
  );
}

function Decision({ job, onDone }: { job: Job; onDone: () => void }) {
  const [accept, accepting] = useMutation(Accept);
  const [reject, rejecting] = useMutation(Reject);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = accepting.loading || rejecting.loading;
  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try { await action(); onDone(); } catch (err) { setProblem(describeError(err)); }
  }
  return (
    <div className="actions" role="group" aria-label="Decision">
      <p className="muted">{job.needsReviewCount ? `${job.needsReviewCount} values are marked for checking.` : 'Nothing is marked for checking.'}</p>
      <button type="button" disabled={busy} onClick={() => void run(() => accept({ variables: { jobId: job.id } }))}>Accept</button>
      <button type="button" disabled={busy} onClick={() => setRejectOpen(!rejectOpen)}>Reject…</button>
      {rejectOpen && (
        <form className="reason-form" aria-label="Reject the draft" onSubmit={(e) => { e.preventDefault(); void run(() => reject({ variables: { jobId: job.id, reason: reason.trim() } })); }}>
          <label>Reason <input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} required /></label>
          <button type="submit" disabled={busy || !reason.trim()}>Reject the draft</button>
        </form>
      )}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </div>
  );
}

function Fields({ job }: { job: Job }) {
  const [editing, setEditing] = useState<string | null>(null);
  const editable = job.status === 'NEEDS_REVIEW';
  return (
    <section aria-labelledby="fields-title">
      <h3 id="fields-title">Fields ({job.results.length})</h3>
      <div className="scroll"><table className="table extraction-fields">
        <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Confidence</th><th scope="col">From</th><th scope="col">Source text</th>{editable && <th scope="col">Actions</th>}</tr></thead>
        <tbody>{job.results.map((r) => [
          <tr key={r.id} data-field={r.fieldName} className={r.needsReview ? 'is-invalid' : undefined}>
            <th scope="row">{r.fieldName}</th>
            <td>{r.values ? r.values.join(', ') || '—' : r.value ?? '—'}
              {r.extractedValue !== null && r.extractedValue !== undefined && r.source === 'MANUAL' ? <div className="muted">read as {r.extractedValue}</div> : null}
              {r.warning ? <div className="problem">{r.warning}</div> : null}</td>
            <td><span className={`badge confidence-${confidenceLevel(r.confidence)}`} title={r.needsReview ? 'check this value' : undefined}>{formatConfidence(r.confidence)}</span>{r.needsReview ? ' check' : ''}</td>
            <td>{describeOrigin(r)}{r.boundingBox ? <div className="muted">{describeBox(r.boundingBox)}</div> : null}</td>
            <td className="source-text">{r.sourceText || '—'}</td>
            {editable && <td><button type="button" onClick={() => setEditing(editing === r.id ? null : r.id)}>{editing === r.id ? 'Cancel' : `Correct ${r.fieldName}`}</button></td>}
          </tr>,
          editing === r.id ? <tr key={`${r.id}-edit`} className="panel-row"><td colSpan={6}><FieldEditor job={job} field={r} onDone={() => setEditing(null)} /></td></tr> : null,
        ])}</tbody>
      </table></div>
    </section>
  );
}

function FieldEditor({ job, field, onDone }: { job: Job; field: Job['results'][number]; onDone: () => void }) {
  const [text, setText] = useState(() => fieldEditText(field));
  const [correct, { loading }] = useMutation(CorrectField);
  const [problem, setProblem] = useState<string | null>(null);
  async function save() {
    setProblem(null);
    try {
      await correct({ variables: { input: { jobId: job.id, ...fieldCorrection(field, text) } } });
      onDone();
    } catch (err) {
      setProblem(describeError(err));
    }
  }
  return (
    <form className="inline-form" aria-label={`Correct ${field.fieldName}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>{field.values ? `${field.fieldName} (one option a line)` : field.fieldName}
        {field.values
          ? <textarea rows={Math.max(2, field.values.length + 1)} value={text} onChange={(e) => setText(e.target.value)} />
          : <input value={text} onChange={(e) => setText(e.target.value)} />}
      </label>
      <button type="submit" disabled={loading}>{loading ? 'Saving…' : 'Save correction'}</button>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </form>
  );
}

const CELL_LABELS: Record<SampleCell, string> = { sampleName: 'Name', volume: 'Volume', qubitConc: 'Qubit', nanodropConc: 'Nanodrop', a260_280: 'A260/280', a260_230: 'A260/230' };

function Samples({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const editable = job.status === 'NEEDS_REVIEW';
  return (
    <section aria-labelledby="samples-title">
      <h3 id="samples-title">Sample table ({job.samples.length} rows)</h3>
      <div className="scroll"><table className="table extraction-samples">
        <thead><tr><th scope="col">#</th>{SAMPLE_CELLS.map((c) => <th key={c} scope="col">{CELL_LABELS[c]}</th>)}<th scope="col">Confidence</th><th scope="col">Page</th>{editable && <th scope="col">Actions</th>}</tr></thead>
        <tbody>{job.samples.map((s) => [
          <tr key={s.sampleNumber} data-sample-number={s.sampleNumber} className={s.warning || confidenceLevel(s.confidence) === 'low' ? 'is-invalid' : undefined}>
            <td>{s.sampleNumber}{s.isControl ? ' (control)' : ''}</td>
            <td>{s.sampleName}{s.warning ? <div className="problem">{s.warning}</div> : null}</td>
            <td>{s.volume ? `${s.volume} ${s.volumeUnit ?? ''}` : '—'}</td>
            <td>{s.qubitConc ? `${s.qubitConc} ${s.qubitUnit ?? ''}` : '—'}</td>
            <td>{s.nanodropConc ? `${s.nanodropConc} ${s.nanodropUnit ?? ''}` : '—'}</td>
            <td>{s.a260_280 ?? '—'}</td>
            <td>{s.a260_230 ?? '—'}</td>
            <td><span className={`badge confidence-${confidenceLevel(s.confidence)}`}>{formatConfidence(s.confidence)}</span></td>
            <td>{s.page}</td>
            {editable && <td><button type="button" onClick={() => setEditing(editing === s.sampleNumber ? null : s.sampleNumber)}>{editing === s.sampleNumber ? 'Cancel' : `Correct row ${s.sampleNumber}`}</button></td>}
          </tr>,
          editing === s.sampleNumber ? <tr key={`${s.sampleNumber}-edit`} className="panel-row"><td colSpan={10}>
            <SampleEditor job={job} row={s} onDone={() => { setEditing(null); onChanged(); }} />
          </td></tr> : null,
        ])}</tbody>
      </table></div>
    </section>
  );
}

function SampleEditor({ job, row, onDone }: { job: Job; row: Job['samples'][number]; onDone: () => void }) {
  const [edited, setEdited] = useState<Partial<Record<SampleCell, string>>>(() => Object.fromEntries(SAMPLE_CELLS.map((c) => [c, row[c] ?? ''])));
  const [correct] = useMutation(CorrectSample);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function save() {
    setProblem(null);
    setBusy(true);
    try {
      for (const change of changedCells(row, edited)) await correct({ variables: { input: { jobId: job.id, sampleNumber: row.sampleNumber, ...change } } });
      onDone();
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="inline-form" aria-label={`Correct row ${row.sampleNumber}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {SAMPLE_CELLS.map((c) => (
        <label key={c}>{CELL_LABELS[c]} <input value={edited[c] ?? ''} onChange={(e) => setEdited({ ...edited, [c]: e.target.value })} /></label>
      ))}
      <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save row'}</button>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </form>
  );
}
