import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { Priority, SubmissionStatus } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { readFilters, withFilter, writeFilters } from '../lib/query-state';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { Pager } from '../components/Pager';
import { OptionFilter, SearchBar } from '../components/SearchBar';
import { PriorityBadge } from '../components/Badges';

const STATUSES = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;

export const SubmissionsQuery = graphql(`
  query Submissions($filter: SubmissionFilter, $after: String) {
    submissions(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id number status priority labId sampleCount completedCount createdAt project { id name } submitter { id name } } }
    }
  }
`);
export const ProjectChoices = graphql(`query ProjectChoices { projects(first: 100, filter: { status: [ACTIVE] }) { edges { node { id name labId } } } }`);
const CreateSubmission = graphql(`mutation CreateSubmission($input: CreateSubmissionInput!) { createSubmission(input: $input) { id number } }`);

export function SubmissionsPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, { lists: ['status', 'priority'], allowed: { status: STATUSES, priority: PRIORITIES } });
  const status = (filters.status as SubmissionStatus[] | undefined) ?? [];
  const priority = (filters.priority as Priority[] | undefined) ?? [];
  const { data, error, loading, refetch } = useQuery(SubmissionsQuery, { variables: {
    filter: { search: filters.q as string | undefined, projectId: filters.projectId as string | undefined, status: status.length ? status : undefined, priority: priority.length ? priority : undefined },
    after: filters.after as string | undefined,
  } });
  const mayCreate = can(me?.role, 'createSamples');
  const projects = useQuery(ProjectChoices, { skip: !mayCreate });
  const [createSubmission, created] = useMutation(CreateSubmission);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: string, value: string | string[] | undefined) => setParams(writeFilters(withFilter(filters, key, value)));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const res = await createSubmission({ variables: { input: { projectId: String(f.get('projectId')), priority: String(f.get('priority')) as Priority, externalQuoteId: String(f.get('quote') || '') || undefined } } });
      navigate(`/submissions/${res.data!.createSubmission.id}`);
    } catch (err) {
      setNotice(describeError(err));
    }
  };
  const rows = data?.submissions.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="subs-title">
      <h1 id="subs-title">Submissions</h1>
      <div className="toolbar">
        <SearchBar label="Search submissions" search={filters.q as string | undefined} onSearch={(q) => set('q', q)} />
        <OptionFilter legend="Status" options={STATUSES} value={status} onChange={(v) => set('status', v)} />
        <OptionFilter legend="Priority" options={PRIORITIES} value={priority} onChange={(v) => set('priority', v)} />
        {filters.projectId ? <button type="button" onClick={() => set('projectId', undefined)}>Show every project</button> : null}
      </div>
      {mayCreate && (
        <details className="create">
          <summary>New submission</summary>
          <form onSubmit={submit} className="inline-form">
            <label>Project <select name="projectId" required defaultValue={(filters.projectId as string | undefined) ?? ''}>
              <option value="" disabled>Choose a project</option>
              {projects.data?.projects.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.name} ({node.labId})</option>)}
            </select></label>
            <label>Priority <select name="priority" defaultValue="NORMAL">{PRIORITIES.map((p) => <option key={p} value={p}>{titleCase(p)}</option>)}</select></label>
            <label>Quote id <input name="quote" /></label>
            <button type="submit" disabled={created.loading}>Create submission</button>
          </form>
        </details>
      )}
      {notice ? <Notice kind="error">{notice}</Notice> : null}
      {error && !data ? <ErrorState error={error} what="submissions" retry={() => void refetch()} /> : null}
      {loading && !data ? <Loading what="submissions" /> : null}
      {data && rows.length === 0 ? <Empty>No submissions match these filters.</Empty> : null}
      {rows.length > 0 && (
        <table className="table">
          <thead><tr><th scope="col">Number</th><th scope="col">Project</th><th scope="col">Lab</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Samples</th><th scope="col">Created</th></tr></thead>
          <tbody>{rows.map((s) => (
            <tr key={s.id}><td><Link to={`/submissions/${s.id}`}>{s.number}</Link></td><td>{s.project.name}</td><td>{s.labId}</td>
              <td>{titleCase(s.status)}</td><td><PriorityBadge priority={s.priority} /></td><td>{s.completedCount}/{s.sampleCount}</td><td>{formatDateTime(s.createdAt)}</td></tr>
          ))}</tbody>
        </table>
      )}
      {data && <Pager pageInfo={data.submissions.pageInfo} after={filters.after as string | undefined} total={data.submissions.totalCount} shown={rows.length} onPage={(a) => set('after', a)} />}
    </section>
  );
}
