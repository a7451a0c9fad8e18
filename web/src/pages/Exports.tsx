// Exports: start one, watch its progress, download it; or copy a stable URL for a BI tool.
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { ExportFormat, Priority, SampleStatus } from '../gql/graphql';
import { session } from '../session-store';
import { readFilters, withFilter, writeFilters } from '../lib/query-state';
import { describeError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { Notice } from '../components/States';
import { OptionFilter } from '../components/SearchBar';

const FORMATS = ['CSV', 'XLSX', 'JSON', 'NDJSON', 'XML', 'PARQUET'] as const;
const KINDS = ['samples', 'submissions', 'projects'] as const;
const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
const STATUSES = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED'] as const;

const ExportSamples = graphql(`mutation ExportSamples($format: ExportFormat!, $filter: SampleFilter) { exportSamples(format: $format, filter: $filter) { id status } }`);
const ExportSubmissions = graphql(`mutation ExportSubmissions($format: ExportFormat!) { exportSubmissions(format: $format) { id status } }`);
const ExportProjects = graphql(`mutation ExportProjects($format: ExportFormat!) { exportProjects(format: $format) { id status } }`);
export const ExportJobQuery = graphql(`
  query ExportJob($id: ID!) { exportJob(id: $id) { id kind format status progress rowsTotal rowsWritten byteSize downloadUrl error createdAt finishedAt } }
`);

/** The URL a BI tool can refresh from: the same filter as the page, no job to wait for. */
export function stableExportUrl(origin: string, kind: string, format: string, filters: { priority?: string[]; status?: string[] }): string {
  const q = new URLSearchParams();
  if (kind === 'samples' && filters.priority?.length) q.set('priority', filters.priority.join(','));
  if (kind === 'samples' && filters.status?.length) q.set('status', filters.status.join(','));
  const text = q.toString().replace(/%2C/g, ',');
  return `${origin}/exports/${kind}.${format.toLowerCase()}${text ? `?${text}` : ''}`;
}

async function download(url: string, fallbackName: string) {
  const token = await session.accessToken();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`the download answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function ExportsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, { lists: ['priority', 'status'], allowed: { kind: KINDS, format: FORMATS, priority: PRIORITIES, status: STATUSES } });
  const kind = (filters.kind as (typeof KINDS)[number] | undefined) ?? 'samples';
  const format = (filters.format as ExportFormat | undefined) ?? 'CSV';
  const priority = (filters.priority as Priority[] | undefined) ?? [];
  const status = (filters.status as SampleStatus[] | undefined) ?? [];
  const jobId = filters.job as string | undefined;
  const set = (key: string, value: string | string[] | undefined) => setParams(writeFilters(withFilter(filters, key, value)));
  const [exportSamples] = useMutation(ExportSamples);
  const [exportSubmissions] = useMutation(ExportSubmissions);
  const [exportProjects] = useMutation(ExportProjects);
  const job = useQuery(ExportJobQuery, { variables: { id: jobId ?? '' }, skip: !jobId, fetchPolicy: 'network-only' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const current = job.data?.exportJob;
  const running = current && (current.status === 'QUEUED' || current.status === 'RUNNING');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void job.refetch(), 500);
    return () => clearInterval(timer);
  }, [running, job]);

  async function start() {
    setNotice(null);
    try {
      const filter = { priority: priority.length ? priority : undefined, status: status.length ? status : undefined };
      const res = kind === 'samples' ? (await exportSamples({ variables: { format, filter } })).data?.exportSamples
        : kind === 'submissions' ? (await exportSubmissions({ variables: { format } })).data?.exportSubmissions
          : (await exportProjects({ variables: { format } })).data?.exportProjects;
      if (res) set('job', res.id);
    } catch (err) {
      setNotice({ kind: 'error', text: describeError(err) });
    }
  }
  const biUrl = stableExportUrl(location.origin, kind, format, { priority, status });
  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">Exports</h1>
      <div className="inline-form">
        <label>What <select value={kind} onChange={(e) => set('kind', e.target.value)}>{KINDS.map((k) => <option key={k}>{k}</option>)}</select></label>
        <label>Format <select value={format} onChange={(e) => set('format', e.target.value)}>{FORMATS.map((f) => <option key={f}>{f}</option>)}</select></label>
      </div>
      {kind === 'samples' && <div className="toolbar">
        <OptionFilter legend="Priority" options={PRIORITIES} value={priority} onChange={(v) => set('priority', v)} />
        <OptionFilter legend="Status" options={STATUSES} value={status} onChange={(v) => set('status', v)} />
      </div>}
      <button type="button" onClick={() => void start()}>Start export</button>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {job.error ? <Notice kind="error">Could not read the export: {describeError(job.error)}</Notice> : null}
      {current && (
        <div className="export-job" data-testid="export-job" aria-live="polite">
          <p>Export of {current.kind.toLowerCase()} as {current.format}: <strong>{current.status}</strong> · {current.rowsWritten}{current.rowsTotal !== null ? ` of ${current.rowsTotal}` : ''} rows · {formatBytes(current.byteSize)}</p>
          <progress max={1} value={current.progress} aria-label="Export progress" />
          {current.error ? <Notice kind="error">{current.error}</Notice> : null}
          {current.status === 'SUCCEEDED' && current.downloadUrl && (
            <button type="button" onClick={() => download(current.downloadUrl!, `export.${current.format.toLowerCase()}`).catch((err) => setNotice({ kind: 'error', text: `Download failed: ${describeError(err)}` }))}>Download</button>
          )}
        </div>
      )}
      <section aria-labelledby="bi-title">
        <h2 id="bi-title">Stable URL for BI tools</h2>
        <p>Always returns the current data for this selection. Send an API token with the <code>exports:read</code> scope as <code>Authorization: Bearer …</code> (<Link to="/admin#tokens">create one</Link>).</p>
        <p className="copy-row"><input readOnly value={biUrl} aria-label="Stable export URL" data-testid="bi-url" size={60} />
          <button type="button" onClick={() => navigator.clipboard?.writeText(biUrl).then(() => setNotice({ kind: 'ok', text: 'URL copied' }), () => setNotice({ kind: 'error', text: 'The browser refused the clipboard; select the URL and copy it' }))}>Copy URL</button></p>
        <pre className="muted">curl -H "Authorization: Bearer $TOKEN" "{biUrl}"</pre>
      </section>
    </section>
  );
}
