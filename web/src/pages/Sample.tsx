// One sample: its details, the 8 steps with results and timings, ETA and due date, live progress,
// attachments and the audit history.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { STEP_LABELS, type StepName } from '../lib/steps';
import { formatDateTime, formatHours, relative, titleCase } from '../lib/format';
import { describeError } from '../lib/errors';
import { ErrorState, Loading, Notice } from '../components/States';
import { OverdueBadge, PriorityBadge, StatusBadge } from '../components/Badges';
import { Attachments } from '../components/Attachments';

export const SampleQuery = graphql(`
  query SamplePage($id: ID!) {
    sample(id: $id) {
      id number name sampleType materialType organism buffer qubitConcentration volume fragmentSize
      flowCellDevice poreChemistry flowCellCount labId priority status submittedAt completedAt overdue eta version notes
      assignee { id name }
      submission { id number }
      project { id name }
      attachments { id filename byteSize contentType downloadUrl createdAt }
      workflow {
        id progress completedSteps dueAt eta overdue
        currentStep { name status }
        steps {
          id name position status startedAt completedAt estimatedHours actualHours outcome overridden notes
          assignee { name } completedBy { name }
          qcChecks { metric value min max passed message }
          results {
            __typename
            ... on SampleQcResults { qubitNgPerUl nanodropNgPerUl volumeUl totalNg a260280 a260230 fragmentSizeBp sqcOutcome: outcome }
            ... on LibraryPrepResults { kitCode kitLot barcodeKit barcode inputNg meanFragmentLengthBp fmol }
            ... on LibraryQcResults { concentrationNgPerUl meanSizeBp fmolLoaded lqcOutcome: outcome }
            ... on SequencingSetupResults { device position flowCellId flowCellProductCode poreCountAtCheck }
            ... on SequencingRunResults { runId startedAt endedAt readCount baseCount n50 passPercent meanQScore }
            ... on BasecallingResults { software softwareVersion model modifiedBases minQScore duplex }
            ... on QualityAssessmentResults { qaMeanQScore: meanQScore coverage passReadsPercent qaOutcome: outcome }
            ... on DataDeliveryResults { method location acknowledgedBy acknowledgedAt files { path bytes } }
          }
        }
      }
      history(first: 50) { totalCount edges { node { id type occurredAt reason actor { name via } } } }
    }
  }
`);

const SampleProgress = graphql(`
  subscription SampleProgress($id: ID!) { workflowProgress(sampleId: $id) { seq action step status progress occurredAt } }
`);

const SetPriority = graphql(`mutation SetPriority($id: ID!, $priority: Priority!) { setSamplePriority(id: $id, priority: $priority) { id priority } }`);

function ResultList({ results }: { results: Record<string, unknown> | null | undefined }) {
  if (!results) return null;
  const entries = Object.entries(results).filter(([k, v]) => k !== '__typename' && v !== null && v !== undefined);
  if (!entries.length) return null;
  return (
    <dl className="results">
      {entries.map(([k, v]) => (
        <div key={k}><dt>{k.replace(/^(sqc|lqc|qa)(?=[A-Z])/, '').replace(/^./, (c) => c.toLowerCase())}</dt>
          <dd>{Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? (x as { path: string }).path : String(x))).join(', ') : String(v)}</dd></div>
      ))}
    </dl>
  );
}

export function SamplePage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { data, error, loading, refetch } = useQuery(SampleQuery, { variables: { id } });
  const [lastChange, setLastChange] = useState<string | null>(null);
  const [setPriority] = useMutation(SetPriority);
  const [message, setMessage] = useState<string | null>(null);
  useSubscription(SampleProgress, {
    variables: { id },
    onData: ({ data: event }) => {
      const e = event.data?.workflowProgress;
      if (e && e.action !== 'SNAPSHOT') { setLastChange(`${titleCase(e.step)} ${titleCase(e.action)} ${relative(e.occurredAt)}`); void refetch(); }
    },
  });
  const sample = data?.sample;
  useEffect(() => { if (sample) document.title = `${sample.name} · Nanopore facility`; }, [sample]);
  if (error && !data) return <ErrorState error={error} what="this sample" retry={() => void refetch()} />;
  if (loading && !data) return <Loading what="the sample" />;
  if (!sample) return <ErrorState error={new Error('No such sample, or you may not see it')} what="this sample" />;
  const wf = sample.workflow;

  return (
    <article aria-labelledby="sample-title" className="sample-page">
      <div className="page-head">
        <h1 id="sample-title">{sample.name} <small>#{sample.number}</small></h1>
        <span><StatusBadge status={sample.status} /> <PriorityBadge priority={sample.priority} /> <OverdueBadge overdue={sample.overdue} /></span>
      </div>
      <p className="live" aria-live="polite" data-testid="sample-live">{lastChange ? `Live · ${lastChange}` : 'Live progress'}</p>
      {wf && (
        <div className="progress" aria-label="Workflow progress">
          <progress max={1} value={wf.progress} aria-valuetext={`${wf.completedSteps} of 8 steps done`} />
          <span data-testid="progress-text">{wf.completedSteps} of 8 steps done · ETA {formatDateTime(wf.eta)} · due {formatDateTime(wf.dueAt)}</span>
        </div>
      )}
      {message ? <Notice kind="error">{message}</Notice> : null}
      <section className="details" aria-label="Details">
        <dl>
          <div><dt>Submission</dt><dd><Link to={`/submissions/${sample.submission.id}`}>{sample.submission.number}</Link></dd></div>
          <div><dt>Project</dt><dd>{sample.project.name}</dd></div>
          <div><dt>Lab</dt><dd>{sample.labId}</dd></div>
          <div><dt>Type</dt><dd>{sample.sampleType}{sample.materialType ? ` · ${titleCase(sample.materialType)}` : ''}</dd></div>
          <div><dt>Organism</dt><dd>{sample.organism ?? '—'}</dd></div>
          <div><dt>Concentration</dt><dd>{sample.qubitConcentration ?? '—'} ng/µl · {sample.volume ?? '—'} µl</dd></div>
          <div><dt>Flow cells</dt><dd>{sample.flowCellCount} {sample.flowCellDevice ?? ''} {sample.poreChemistry ?? ''}</dd></div>
          <div><dt>Submitted</dt><dd>{formatDateTime(sample.submittedAt)}</dd></div>
          <div><dt>Assignee</dt><dd>{sample.assignee?.name ?? '—'}</dd></div>
          {can(me?.role, 'workSteps') && (
            <div><dt>Priority</dt><dd>
              <select aria-label="Priority" value={sample.priority} onChange={(e) => {
                setPriority({ variables: { id: sample.id, priority: e.target.value as never } }).then(() => setMessage(null), (err) => setMessage(describeError(err)));
              }}>
                {['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((p) => <option key={p} value={p}>{titleCase(p)}</option>)}
              </select>
            </dd></div>
          )}
        </dl>
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">Workflow</h2>
        {!wf ? <p className="state-empty">The workflow has not been created yet.</p> : (
          <ol className="steps">
            {wf.steps.map((s) => (
              <li key={s.id} className={`step step-${s.status.toLowerCase()}`} data-step={s.name}>
                <header>
                  <strong>{s.position}. {STEP_LABELS[s.name as StepName]}</strong> <StatusBadge status={s.status} />
                  {s.outcome ? <span className={`badge outcome-${s.outcome.toLowerCase()}`}>QC {s.outcome}</span> : null}
                  {s.overridden ? <span className="badge overridden">Overridden</span> : null}
                </header>
                <p className="muted">
                  {s.startedAt ? `started ${formatDateTime(s.startedAt)}` : 'not started'}
                  {s.completedAt ? ` · finished ${formatDateTime(s.completedAt)}` : ''}
                  {` · took ${formatHours(s.actualHours)} (expected ${formatHours(s.estimatedHours)})`}
                  {s.assignee ? ` · ${s.assignee.name}` : ''}
                </p>
                <ResultList results={s.results as Record<string, unknown> | null} />
                {s.qcChecks.length > 0 && (
                  <ul className="qc-checks">
                    {s.qcChecks.map((c) => <li key={c.metric} className={c.passed ? 'pass' : 'fail'}>{c.passed ? '✓' : '✗'} {c.message}</li>)}
                  </ul>
                )}
                {s.notes ? <p>Notes: {s.notes}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Attachments ownerType="SAMPLE" ownerId={sample.id} files={sample.attachments} onChange={() => void refetch()} canUpload={can(me?.role, 'createSamples')} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {sample.history.edges.length === 0 ? <p className="state-empty">No audit entries yet.</p> : (
          <table className="table">
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Reason</th></tr></thead>
            <tbody>
              {sample.history.edges.map(({ node }) => (
                <tr key={node.id}><td>{formatDateTime(node.occurredAt)}</td><td>{node.type}</td><td>{node.actor.name ?? node.actor.via}</td><td>{node.reason ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {sample.history.totalCount > sample.history.edges.length ? <p className="muted">Showing the latest {sample.history.edges.length} of {sample.history.totalCount}.</p> : null}
      </section>
    </article>
  );
}
