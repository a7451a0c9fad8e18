// One step's work queue: staff assign, start, complete, fail and skip samples, one at a time or a plate
// at once. Starting keeps the step's assignee (the server's default), else it is the caller's.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { WorkflowStepName } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { STEPS, STEP_LABELS, isStepName, type StepName } from '../lib/steps';
import { describeError } from '../lib/errors';
import { relative, titleCase } from '../lib/format';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { OverdueBadge, PriorityBadge, StatusBadge } from '../components/Badges';
import { Pager } from '../components/Pager';
import { ReasonForm, ResultsForm, type SignatureEntry } from '../components/ResultsForm';
import { AssignStep, CompleteStep, CompleteSteps, FailStep, OverrideStep, ReopenStep, SignableStep, SignRecord, SkipStep, StartStep, StartSteps } from './stepMutations';
import { assigneeChoices } from '../lib/assignees';

export const QueueQuery = graphql(`
  query Queue($step: WorkflowStepName!, $first: Int!, $after: String) {
    workQueue(step: $step, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        priority waitingSince
        assignee { id name }
        sample { id number name overdue labId }
        workflow { id dueAt eta }
        step { id status version outcome overridden }
      } }
    }
  }
`);

/** Who work can be assigned to: active staff and admins, through the public `users` query (ADMIN, STAFF). */
export const AssigneesQuery = graphql(`
  query Assignees {
    staff: users(filter: { role: STAFF, active: true }, first: 100) { edges { node { id name email } } }
    admins: users(filter: { role: ADMIN, active: true }, first: 100) { edges { node { id name email } } }
  }
`);

type Panel = { kind: 'complete' | 'fail' | 'skip' | 'override' | 'reopen'; sampleId: string } | { kind: 'bulk-complete' } | null;

export function QueuePage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const stepParam = params.get('step');
  const step: StepName = isStepName(stepParam) ? stepParam : 'SAMPLE_QC';
  const after = params.get('after') ?? undefined;
  const staff = can(me?.role, 'workSteps');
  const { data, error, loading, refetch } = useQuery(QueueQuery, { variables: { step: step as WorkflowStepName, first: 50, after }, fetchPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const mutations = {
    start: useMutation(StartStep)[0], complete: useMutation(CompleteStep)[0], fail: useMutation(FailStep)[0], skip: useMutation(SkipStep)[0],
    override: useMutation(OverrideStep)[0], reopen: useMutation(ReopenStep)[0], startMany: useMutation(StartSteps)[0], completeMany: useMutation(CompleteSteps)[0],
    assign: useMutation(AssignStep)[0],
  };
  const client = useApolloClient();
  const [signRecord] = useMutation(SignRecord);
  /** Signs a change as the workflow states it: the record's hash, signed by auth after re-authentication. */
  async function sign(sampleId: string, action: 'SKIPPED' | 'OVERRIDDEN' | 'REOPENED', reason: string, entry: SignatureEntry): Promise<string> {
    const { data: signable } = await client.query({ query: SignableStep, variables: { ...vars(sampleId), action, reason }, fetchPolicy: 'network-only' });
    const r = signable!.stepSignatureRecord;
    const signed = await signRecord({ variables: { input: { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: entry.meaning, ...(entry.password ? { password: entry.password } : {}) } } });
    return signed.data!.signRecord.token;
  }
  const SIGNED_ACTION = { skip: 'SKIPPED', override: 'OVERRIDDEN', reopen: 'REOPENED' } as const;
  const people = useQuery(AssigneesQuery, { skip: !staff, fetchPolicy: 'cache-first' });
  const lists = [people.data?.staff.edges.map((e) => e.node) ?? [], people.data?.admins.edges.map((e) => e.node) ?? []];
  useEffect(() => { document.title = `${STEP_LABELS[step]} queue · Nanopore facility`; setSelected(new Set()); setPanel(null); }, [step]);

  const items = data?.workQueue.edges.map((e) => e.node) ?? [];
  const nameOf = (id: string) => items.find((i) => i.sample.id === id)?.sample.name ?? id;

  async function act(label: string, run: () => Promise<unknown>) {
    setBusy(true);
    setMessage(null);
    try {
      const said = await run();
      const text = typeof said === 'string' ? said : label;
      setMessage({ kind: text.includes('failed QC') ? 'error' : 'ok', text });
      setPanel(null);
      await refetch();
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  }
  const vars = (sampleId: string) => ({ sampleId, step: step as WorkflowStepName });

  async function bulkStart() {
    const ids = [...selected];
    await act(`Started ${ids.length} samples`, async () => {
      const res = await mutations.startMany({ variables: { inputs: ids.map((sampleId) => ({ sampleId, step: step as WorkflowStepName })) } });
      reportBulk(res.data?.startSteps ?? []);
    });
  }
  async function bulkComplete(results: Record<string, Record<string, unknown>>, notes: string) {
    const ids = [...selected];
    await act(`Completed ${ids.length} samples`, async () => {
      const res = await mutations.completeMany({ variables: { inputs: ids.map((sampleId) => ({ sampleId, step: step as WorkflowStepName, results, notes: notes || undefined })) } });
      reportBulk(res.data?.completeSteps ?? []);
    });
  }
  function reportBulk(rows: readonly { sampleId: string; ok: boolean; error?: { message: string } | null }[]) {
    const failed = rows.filter((r) => !r.ok);
    setSelected(new Set(failed.map((r) => r.sampleId)));
    if (failed.length) throw new Error(`${failed.length} of ${rows.length} not done: ${failed.map((r) => `${nameOf(r.sampleId)} — ${r.error?.message}`).join('; ')}`);
  }

  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const selectedItems = items.filter((i) => selected.has(i.sample.id));

  return (
    <section aria-labelledby="queue-title">
      <div className="page-head">
        <h1 id="queue-title">Queue: {STEP_LABELS[step]}</h1>
        <label>Step{' '}
          <select value={step} onChange={(e) => setParams({ step: e.target.value })} aria-label="Step">
            {STEPS.map((s) => <option key={s} value={s}>{STEP_LABELS[s]}</option>)}
          </select>
        </label>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {people.error ? <Notice kind="error">Could not load the staff list to assign from: {describeError(people.error)}</Notice> : null}
      {staff && items.length > 0 && (
        <div className="bulk" role="group" aria-label="Plate actions">
          <span>{selected.size} selected</span>
          <button type="button" onClick={() => setSelected(new Set(items.map((i) => i.sample.id)))}>Select all on page</button>
          <button type="button" disabled={!selectedItems.some((i) => i.step.status === 'PENDING') || busy} onClick={() => void bulkStart()}>Start selected</button>
          <button type="button" disabled={!selectedItems.some((i) => i.step.status === 'IN_PROGRESS') || busy} onClick={() => setPanel({ kind: 'bulk-complete' })}>Complete selected…</button>
        </div>
      )}
      {panel?.kind === 'bulk-complete' && (
        <ResultsForm step={step} busy={busy} submitLabel={`Complete ${selected.size} samples`} onSubmit={(r, n) => void bulkComplete(r, n)} onCancel={() => setPanel(null)} />
      )}
      {error && !data ? <ErrorState error={error} what="the queue" retry={() => void refetch()} /> : null}
      {loading && !data ? <Loading what="the queue" /> : null}
      {data && items.length === 0 ? <Empty>No samples are waiting at {STEP_LABELS[step]}.</Empty> : null}
      {items.length > 0 && (
        <table className="table queue">
          <thead><tr>{staff && <th scope="col"><span className="sr-only">Select</span></th>}<th scope="col">Sample</th><th scope="col">Priority</th><th scope="col">Step</th><th scope="col">Assignee</th><th scope="col">Waiting</th><th scope="col">Due</th>{staff && <th scope="col">Actions</th>}</tr></thead>
          <tbody>
            {items.map((item) => {
              const id = item.sample.id;
              const open = panel && 'sampleId' in panel && panel.sampleId === id ? panel : null;
              return [
                <tr key={id} data-sample={item.sample.name} className={item.sample.overdue ? 'is-overdue' : undefined}>
                  {staff && <td><input type="checkbox" aria-label={`Select ${item.sample.name}`} checked={selected.has(id)} onChange={() => toggle(id)} /></td>}
                  <td><Link to={`/samples/${id}`}>{item.sample.name}</Link></td>
                  <td><PriorityBadge priority={item.priority} /> <OverdueBadge overdue={item.sample.overdue} /></td>
                  <td><StatusBadge status={item.step.status} />{item.step.outcome === 'FAIL' ? ' QC fail' : ''}</td>
                  <td>{staff
                    ? <select aria-label={`Assignee for ${item.sample.name}`} value={item.assignee?.id ?? ''} disabled={busy || people.loading}
                        onChange={(e) => {
                          const to = e.target.value || null;
                          const who = to ? assigneeChoices(lists, me?.id, item.assignee).find((c) => c.id === to)?.label ?? to : null;
                          void act(who ? `Assigned ${item.sample.name} to ${who}` : `Unassigned ${item.sample.name}`,
                            () => mutations.assign({ variables: { ...vars(id), assigneeId: to, expectedVersion: item.step.version } }));
                        }}>
                        <option value="">Unassigned</option>
                        {assigneeChoices(lists, me?.id, item.assignee).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
                      </select>
                    : item.assignee?.name ?? '—'}</td>
                  <td>{relative(item.waitingSince)}</td>
                  <td>{relative(item.workflow.dueAt)}</td>
                  {staff && (
                    <td className="row-actions">
                      {item.step.status === 'PENDING' && <>
                        <button type="button" disabled={busy} onClick={() => void act(`Started ${item.sample.name}`, () => mutations.start({ variables: vars(id) }))}>Start</button>
                        <button type="button" onClick={() => setPanel({ kind: 'skip', sampleId: id })}>Skip…</button>
                      </>}
                      {item.step.status === 'IN_PROGRESS' && <>
                        <button type="button" onClick={() => setPanel({ kind: 'complete', sampleId: id })}>Complete…</button>
                        <button type="button" onClick={() => setPanel({ kind: 'fail', sampleId: id })}>Fail…</button>
                      </>}
                      {item.step.status === 'FAILED' && <>
                        {can(me?.role, 'overrideStep') && <button type="button" onClick={() => setPanel({ kind: 'override', sampleId: id })}>Override…</button>}
                        <button type="button" onClick={() => setPanel({ kind: 'reopen', sampleId: id })}>Reopen…</button>
                      </>}
                    </td>
                  )}
                </tr>,
                open ? (
                  <tr key={`${id}-panel`} className="panel-row"><td colSpan={8}>
                    {open.kind === 'complete'
                      ? <ResultsForm step={step} busy={busy} onCancel={() => setPanel(null)}
                          onSubmit={(results, notes) => void act(`Completed ${item.sample.name}`, async () => {
                            const res = await mutations.complete({ variables: { ...vars(id), results, notes: notes || undefined } });
                            const step = res.data?.completeStep;
                            if (step?.status !== 'FAILED') return `Completed ${item.sample.name}`;
                            const failed = step.qcChecks.filter((c) => !c.passed).map((c) => c.message);
                            return `${item.sample.name} failed QC${failed.length ? `: ${failed.join('; ')}` : ''}`;
                          })} />
                      : <ReasonForm label={`${titleCase(open.kind)} ${item.sample.name}`} busy={busy} onCancel={() => setPanel(null)}
                          signing={open.kind === 'skip' || open.kind === 'override' || (open.kind === 'reopen' && item.step.status === 'COMPLETED')}
                          onSubmit={(reason, entry) => void act(`${titleCase(open.kind)}: ${item.sample.name}`, async () => {
                            const kind = open.kind as 'fail' | 'skip' | 'override' | 'reopen';
                            const signature = entry && kind !== 'fail' ? await sign(id, SIGNED_ACTION[kind], reason.trim(), entry) : undefined;
                            return mutations[kind]({ variables: { ...vars(id), reason, signature } });
                          })} />}
                  </td></tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      )}
      {data && <Pager pageInfo={data.workQueue.pageInfo} after={after} total={data.workQueue.totalCount} shown={items.length}
        onPage={(a) => setParams(a ? { step, after: a } : { step })} />}
    </section>
  );
}
