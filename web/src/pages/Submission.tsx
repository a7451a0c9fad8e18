// One submission: its samples (add more here), intake jobs, attachments and history.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { Priority, SampleType } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import { ErrorState, Loading, Notice } from '../components/States';
import { OverdueBadge, PriorityBadge, StatusBadge } from '../components/Badges';
import { Attachments } from '../components/Attachments';

export const SubmissionQuery = graphql(`
  query SubmissionPage($id: ID!) {
    submission(id: $id) {
      id number status priority labId externalQuoteId specialInstructions submittedAt receivedAt sampleCount completedCount
      project { id name } submitter { id name }
      samples { id number name status priority overdue sampleType workflow { completedSteps currentStep { name status } } }
      attachments { id filename byteSize downloadUrl createdAt }
      intake { id kind status filename rowCount errorCount createdAt }
    }
  }
`);
const AddSamples = graphql(`mutation AddSamples($submissionId: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $submissionId, samples: $samples) { id name } }`);
const StaffChoices = graphql(`query StaffChoices { users(first: 100, filter: { active: true }) { edges { node { id name role } } } }`);
const MarkReceived = graphql(`mutation MarkReceived($id: ID!) { markSubmissionReceived(id: $id) { id status receivedAt } }`);

const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? undefined : Number(v));

export function SubmissionPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { data, error, loading, refetch } = useQuery(SubmissionQuery, { variables: { id } });
  const [addSamples, adding] = useMutation(AddSamples);
  const [markReceived] = useMutation(MarkReceived);
  const staff = useQuery(StaffChoices, { skip: !can(me?.role, 'listUsers') });
  const assignees = staff.data?.users.edges.map((e) => e.node).filter((u) => u.role === 'STAFF' || u.role === 'ADMIN') ?? [];
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (error && !data) return <ErrorState error={error} what="this submission" retry={() => void refetch()} />;
  if (loading && !data) return <Loading what="the submission" />;
  const sub = data?.submission;
  if (!sub) return <ErrorState error={new Error('No such submission, or you may not see it')} what="this submission" />;

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    try {
      const res = await addSamples({ variables: { submissionId: sub.id, samples: [{
        name: String(f.get('name')), sampleType: String(f.get('sampleType')) as SampleType, priority: String(f.get('priority')) as Priority,
        organism: String(f.get('organism') || '') || undefined, assigneeId: String(f.get('assigneeId') || '') || undefined, qubitConcentration: num(f.get('qubit')), volume: num(f.get('volume')),
      }] } });
      setNotice({ kind: 'ok', text: `Added ${res.data?.addSamples.map((s) => s.name).join(', ')}` });
      form.reset();
      await refetch();
    } catch (err) {
      setNotice({ kind: 'error', text: describeError(err) });
    }
  };

  return (
    <article aria-labelledby="sub-title">
      <div className="page-head">
        <h1 id="sub-title">Submission {sub.number}</h1>
        <span><StatusBadge status={sub.status} /> <PriorityBadge priority={sub.priority} /></span>
      </div>
      <dl className="details">
        <div><dt>Project</dt><dd><Link to={`/submissions?projectId=${sub.project.id}`}>{sub.project.name}</Link></dd></div>
        <div><dt>Submitter</dt><dd>{sub.submitter.name}</dd></div>
        <div><dt>Lab</dt><dd>{sub.labId}</dd></div>
        <div><dt>Quote</dt><dd>{sub.externalQuoteId ?? '—'}</dd></div>
        <div><dt>Submitted</dt><dd>{formatDateTime(sub.submittedAt)}</dd></div>
        <div><dt>Received</dt><dd>{formatDateTime(sub.receivedAt)}</dd></div>
        <div><dt>Done</dt><dd>{sub.completedCount} of {sub.sampleCount}</dd></div>
      </dl>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <div className="actions">
        {can(me?.role, 'workSteps') && !sub.receivedAt && (
          <button type="button" onClick={() => markReceived({ variables: { id: sub.id } }).then(() => setNotice({ kind: 'ok', text: 'Marked received' }), (err) => setNotice({ kind: 'error', text: describeError(err) }))}>Mark received</button>
        )}
        {can(me?.role, 'intake') && <Link className="button" to={`/intake?submission=${sub.id}`}>Upload a sample sheet</Link>}
      </div>
      <section aria-labelledby="samples-title">
        <h2 id="samples-title">Samples</h2>
        {sub.samples.length === 0 ? <p className="state-empty">No samples yet: add one below or upload a sample sheet.</p> : (
          <table className="table">
            <thead><tr><th scope="col">Sample</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Step</th></tr></thead>
            <tbody>{sub.samples.map((s) => (
              <tr key={s.id}><td><Link to={`/samples/${s.id}`}>{s.name}</Link></td><td>{s.sampleType}</td><td><StatusBadge status={s.status} /></td>
                <td><PriorityBadge priority={s.priority} /> <OverdueBadge overdue={s.overdue} /></td>
                <td>{s.workflow?.currentStep ? `${titleCase(s.workflow.currentStep.name)} (${titleCase(s.workflow.currentStep.status)})` : s.workflow ? 'Finished' : '—'}</td></tr>
            ))}</tbody>
          </table>
        )}
        {can(me?.role, 'createSamples') && (
          <form onSubmit={add} className="inline-form" aria-label="Add a sample">
            <label>Name <input name="name" required maxLength={200} /></label>
            <label>Type <select name="sampleType" defaultValue="DNA">{['DNA', 'RNA', 'PROTEIN', 'OTHER'].map((t) => <option key={t}>{t}</option>)}</select></label>
            <label>Priority <select name="priority" defaultValue="NORMAL">{['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((p) => <option key={p} value={p}>{titleCase(p)}</option>)}</select></label>
            {assignees.length > 0 && <label>Assignee <select name="assigneeId" defaultValue=""><option value="">Nobody yet</option>
              {assignees.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></label>}
            <label>Organism <input name="organism" /></label>
            <label>Qubit ng/µl <input name="qubit" inputMode="decimal" /></label>
            <label>Volume µl <input name="volume" inputMode="decimal" /></label>
            <button type="submit" disabled={adding.loading}>Add sample</button>
          </form>
        )}
      </section>
      {sub.intake.length > 0 && (
        <section aria-labelledby="intake-title">
          <h2 id="intake-title">Sample sheets</h2>
          <ul>{sub.intake.map((j) => <li key={j.id}>{j.filename ?? j.kind} · {titleCase(j.status)} · {j.rowCount} rows, {j.errorCount} with errors · {formatDateTime(j.createdAt)}</li>)}</ul>
        </section>
      )}
      <Attachments ownerType="SUBMISSION" ownerId={sub.id} files={sub.attachments} onChange={() => void refetch()} canUpload={can(me?.role, 'createSamples')} />
    </article>
  );
}
