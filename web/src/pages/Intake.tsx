// Sample-sheet intake: pick a CSV or XLSX, preview it here, let the server check every row, fix or
// exclude rows, then commit the valid ones as samples with an idempotency key. The job's rows are
// paged by cursor (?rows=…, ?rowStatus=…, 100 a page); its progress comes live over `intakeProgress`.
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import { parseCsv, toBase64 } from '../lib/csv';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { IntakeRows } from '../components/IntakeRows';
import { Pager } from '../components/Pager';
import type { IntakeJobQuery as IntakeJobQueryResult, IntakeRowStatus } from '../gql/graphql';
import { progressLine, settledIntake } from '../lib/intake';
import { useAuth } from '../auth';
import { can } from '../lib/roles';

export const IntakeChoices = graphql(`
  query IntakeChoices { submissions(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number labId project { name } } } } }
`);
export const IntakeJobQuery = graphql(`
  query IntakeJob($id: ID!, $rowsAfter: String, $rowStatus: IntakeRowStatus) {
    intakeJob(id: $id) {
      id kind status filename rowCount errorCount excludedCount committedCount failedCount error ignoredColumns createdAt committedAt
      submission { id number }
      rows(first: 100, after: $rowsAfter, status: $rowStatus) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id rowNumber status raw parsed sampleId errors { field column message } } }
      }
    }
  }
`);
export const IntakeProgressSubscription = graphql(`
  subscription IntakeProgress($jobId: ID!) {
    intakeProgress(jobId: $jobId) { jobId status processed total rowCount errorCount excludedCount committedCount failedCount occurredAt }
  }
`);
const IntakeJobs = graphql(`query IntakeJobs { intakeJobs(first: 10) { edges { node { id filename kind status rowCount errorCount createdAt submission { id number } } } } }`);
const FromCsv = graphql(`mutation IntakeCsv($input: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $input) { id status rowCount errorCount } }`);
const FromXlsx = graphql(`mutation IntakeXlsx($input: CreateIntakeFromXlsxInput!) { createIntakeFromXlsx(input: $input) { id status rowCount errorCount } }`);
const CommitIntake = graphql(`mutation CommitIntake($id: ID!, $idempotencyKey: String!) { commitIntake(id: $id, idempotencyKey: $idempotencyKey) { id status committedCount failedCount error } }`);

const MAX_BYTES = 5 * 1024 * 1024;

const ROW_STATUSES: IntakeRowStatus[] = ['VALID', 'INVALID', 'EXCLUDED', 'COMMITTED', 'FAILED'];

interface Picked { file: File; kind: 'CSV' | 'XLSX'; preview: string[][] | null; bytes: Uint8Array }

export function IntakePage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const submissionId = params.get('submission') ?? '';
  const jobId = params.get('job');
  const choices = useQuery(IntakeChoices);
  const jobs = useQuery(IntakeJobs);
  const rowsAfter = params.get('rows') ?? undefined;
  const rowStatusParam = params.get('rowStatus');
  const rowStatus = ROW_STATUSES.find((r) => r === rowStatusParam);
  const job = useQuery(IntakeJobQuery, { variables: { id: jobId ?? '', rowsAfter, rowStatus }, skip: !jobId });
  const client = useApolloClient();
  const [live, setLive] = useState<{ jobId: string; text: string | null } | null>(null);
  const lastStatus = useRef<string | null>(null);
  // Rows are read and checked, or committed, in the background: the job reports its progress live.
  // Each report updates the job's counts in the cache; a change of status re-reads the rows.
  useSubscription(IntakeProgressSubscription, {
    variables: { jobId: jobId ?? '' },
    skip: !jobId,
    onData: ({ data: event }) => {
      const p = event.data?.intakeProgress;
      if (!p) return;
      setLive({ jobId: p.jobId, text: progressLine(p) });
      client.cache.modify({
        id: client.cache.identify({ __typename: 'IntakeJob', id: p.jobId }),
        fields: {
          status: () => p.status, rowCount: () => p.rowCount, errorCount: () => p.errorCount, excludedCount: () => p.excludedCount,
          committedCount: () => p.committedCount, failedCount: () => p.failedCount,
        },
      });
      if (lastStatus.current !== p.status || settledIntake(p.status)) void job.refetch();
      lastStatus.current = p.status;
    },
  });
  const [fromCsv] = useMutation(FromCsv);
  const [fromXlsx] = useMutation(FromXlsx);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pick(file: File | undefined) {
    setProblem(null);
    if (!file) return setPicked(null);
    if (file.size > MAX_BYTES) return setProblem(`${file.name} is ${Math.round(file.size / 1024)} KB; sample sheets are limited to 5 MB`);
    const isXlsx = /\.xlsx$/i.test(file.name);
    if (!isXlsx && !/\.(csv|txt|tsv)$/i.test(file.name)) return setProblem(`${file.name} is neither a .csv nor an .xlsx file`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The preview assumes UTF-8 and commas; the server detects the encoding and delimiter itself.
    setPicked({ file, kind: isXlsx ? 'XLSX' : 'CSV', preview: isXlsx ? null : parseCsv(new TextDecoder().decode(bytes), 21), bytes });
  }

  async function upload() {
    if (!picked || !submissionId) return;
    setBusy(true);
    setProblem(null);
    try {
      const target = { submissionId, filename: picked.file.name };
      const res = picked.kind === 'CSV'
        ? (await fromCsv({ variables: { input: { ...target, csvBase64: toBase64(picked.bytes) } } })).data?.createIntakeFromCsv
        : (await fromXlsx({ variables: { input: { ...target, xlsxBase64: toBase64(picked.bytes) } } })).data?.createIntakeFromXlsx;
      setPicked(null);
      if (res) setParams({ submission: submissionId, job: res.id });
      void jobs.refetch();
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const current = job.data?.intakeJob;
  /** Changes the row page or filter in the URL, keeping the submission and job. */
  function setRowParams(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next);
  }
  return (
    <section aria-labelledby="intake-title">
      <h1 id="intake-title">Intake</h1>
      <p className="muted">Upload a sample sheet in the facility template (CSV or XLSX, first worksheet). Required columns: sample_name, submitter_name, submitter_email, sample_type, chart_field; optional: concentration, volume, priority… Review the rows, fix or exclude the ones with problems, then commit: the valid rows become samples.{can(me?.role, 'reviewExtractions') ? <> Quote forms (PDF) are read and checked on <Link to="/review">PDF review</Link>.</> : null}</p>
      <div className="inline-form">
        <label>Submission{' '}
          <select value={submissionId} onChange={(e) => setParams(e.target.value ? { submission: e.target.value } : {})}>
            <option value="">Choose a submission</option>
            {choices.data?.submissions.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.number} · {node.project.name} ({node.labId})</option>)}
          </select>
        </label>
        <label>Sample sheet <input type="file" accept=".csv,.tsv,.xlsx,text/csv" onChange={(e) => void pick(e.target.files?.[0])} /></label>
        <button type="button" disabled={!picked || !submissionId || busy} onClick={() => void upload()}>{busy ? 'Checking…' : 'Upload and check'}</button>
      </div>
      {choices.error ? <ErrorState error={choices.error} what="submissions to choose from" /> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {picked?.preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Preview of {picked.file.name}</h2>
          <p className="muted">{Math.max(0, picked.preview.length - 1)} rows shown (up to 20); the server checks every row.</p>
          <div className="scroll"><table className="table" data-testid="csv-preview">
            <thead><tr>{picked.preview[0]?.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
            <tbody>{picked.preview.slice(1).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
          </table></div>
        </section>
      )}
      {picked?.kind === 'XLSX' ? <p>{picked.file.name} ({Math.round(picked.file.size / 1024)} KB) is ready; the server reads its first worksheet.</p> : null}
      {jobId && job.loading && !current ? <Loading what="the checked sheet" /> : null}
      {job.error ? <ErrorState error={job.error} what="the checked sheet" /> : null}
      {current && (
        <section aria-labelledby="job-title" data-testid="intake-job">
          <h2 id="job-title">{current.filename ?? 'Sheet'}: {titleCase(current.status)}</h2>
          <p data-testid="intake-counts"><strong>{current.rowCount}</strong> rows, <strong>{current.errorCount}</strong> with errors, <strong>{current.excludedCount}</strong> excluded, <strong>{current.committedCount}</strong> committed{current.failedCount ? <>, <strong>{current.failedCount}</strong> refused</> : null}{current.ignoredColumns.length ? ` · ignored columns: ${current.ignoredColumns.join(', ')}` : ''}</p>
          {live?.text && live.jobId === current.id && !settledIntake(current.status) ? <p className="muted" role="status" aria-live="polite" data-testid="intake-live">{live.text}</p> : null}
          {current.error ? <Notice kind="error">{current.error}</Notice> : null}
          <CommitControl job={current} onCommitted={() => { void job.refetch(); void jobs.refetch(); }} />
          <label>Rows{' '}
            <select aria-label="Rows to show" value={rowStatus ?? ''} onChange={(e) => setRowParams({ rowStatus: e.target.value || null, rows: null })}>
              <option value="">All rows</option>
              {ROW_STATUSES.map((r) => <option key={r} value={r}>{titleCase(r)} only</option>)}
            </select>
          </label>
          <IntakeRows job={current} onChanged={() => void job.refetch()} />
          <Pager pageInfo={current.rows.pageInfo} after={rowsAfter} total={current.rows.totalCount} shown={current.rows.edges.length}
            onPage={(a) => setRowParams({ rows: a ?? null })} />
        </section>
      )}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent sheets</h2>
        {jobs.data && jobs.data.intakeJobs.edges.length === 0 ? <Empty>No sample sheets uploaded yet.</Empty> : null}
        <ul>{jobs.data?.intakeJobs.edges.map(({ node }) => (
          <li key={node.id}><Link to={`/intake?submission=${node.submission?.id ?? ''}&job=${node.id}`}>{node.filename ?? node.kind}</Link> · {node.submission?.number} · {titleCase(node.status)} · {node.rowCount} rows, {node.errorCount} with errors · {formatDateTime(node.createdAt)}</li>
        ))}</ul>
      </section>
    </section>
  );
}

type Job = NonNullable<IntakeJobQueryResult['intakeJob']>;

/** Commit the valid rows; the key is kept per job in this tab so a retry resumes rather than conflicts. */
function CommitControl({ job, onCommitted }: { job: Job; onCommitted: () => void }) {
  const [commit, { loading }] = useMutation(CommitIntake);
  const [problem, setProblem] = useState<string | null>(null);
  const open = job.status === 'VALIDATED' || job.status === 'PARTIALLY_COMMITTED' || (job.status === 'FAILED' && job.rowCount > 0);
  if (!open) return job.status === 'COMMITTING' ? <p role="status">Committing… {job.committedCount} of the rows are samples so far.</p> : null;

  async function run() {
    setProblem(null);
    try {
      await commit({ variables: { id: job.id, idempotencyKey: commitKey(job.id) } });
      onCommitted();
    } catch (err) {
      setProblem(describeError(err));
    }
  }

  return (
    <div className="inline-form">
      <button type="button" disabled={loading} onClick={() => void run()}>{loading ? 'Committing…' : 'Commit valid rows'}</button>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </div>
  );
}

function commitKey(jobId: string): string {
  const name = `intake-commit:${jobId}`;
  const kept = sessionStorage.getItem(name);
  if (kept) return kept;
  const key = `web-${crypto.randomUUID()}`;
  sessionStorage.setItem(name, key);
  return key;
}
