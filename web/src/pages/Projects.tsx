import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ProjectStatus } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { readFilters, withFilter, writeFilters } from '../lib/query-state';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { Pager } from '../components/Pager';
import { OptionFilter, SearchBar } from '../components/SearchBar';

const STATUSES = ['ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;

export const ProjectsQuery = graphql(`
  query Projects($filter: ProjectFilter, $after: String) {
    projects(filter: $filter, first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id name description labId status createdAt owner { id name } } }
    }
  }
`);
const CreateProject = graphql(`mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id name } }`);

export function ProjectsPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, { lists: ['status'], allowed: { status: STATUSES } });
  const status = (filters.status as ProjectStatus[] | undefined) ?? [];
  const { data, error, loading, refetch } = useQuery(ProjectsQuery, {
    variables: { filter: { search: filters.q as string | undefined, status: status.length ? status : undefined }, after: filters.after as string | undefined },
  });
  const [createProject, created] = useMutation(CreateProject);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = (key: string, value: string | string[] | undefined) => setParams(writeFilters(withFilter(filters, key, value)));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    try {
      const res = await createProject({ variables: { input: { name: String(f.get('name')), description: String(f.get('description') || '') || undefined, labId: String(f.get('labId') || '') || undefined } } });
      setNotice({ kind: 'ok', text: `Created project ${res.data?.createProject.name}` });
      form.reset();
      await refetch();
    } catch (err) {
      setNotice({ kind: 'error', text: describeError(err) });
    }
  };
  const rows = data?.projects.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      <div className="toolbar">
        <SearchBar label="Search projects" search={filters.q as string | undefined} onSearch={(q) => set('q', q)} />
        <OptionFilter legend="Status" options={STATUSES} value={status} onChange={(v) => set('status', v)} />
      </div>
      {can(me?.role, 'createSamples') && (
        <details className="create">
          <summary>New project</summary>
          <form onSubmit={submit} className="inline-form">
            <label>Name <input name="name" required maxLength={200} /></label>
            <label>Description <input name="description" /></label>
            {me?.role !== 'SUBMITTER' && <label>Lab id <input name="labId" placeholder="lab-a" /></label>}
            <button type="submit" disabled={created.loading}>Create project</button>
          </form>
        </details>
      )}
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {error && !data ? <ErrorState error={error} what="projects" retry={() => void refetch()} /> : null}
      {loading && !data ? <Loading what="projects" /> : null}
      {data && rows.length === 0 ? <Empty>No projects match{filters.q ? ` “${filters.q}”` : ''}.</Empty> : null}
      {rows.length > 0 && (
        <table className="table">
          <thead><tr><th scope="col">Project</th><th scope="col">Lab</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead>
          <tbody>{rows.map((p) => (
            <tr key={p.id}><td><Link to={`/submissions?projectId=${p.id}`}>{p.name}</Link>{p.description ? <div className="muted">{p.description}</div> : null}</td>
              <td>{p.labId}</td><td>{p.owner.name}</td><td>{titleCase(p.status)}</td><td>{formatDateTime(p.createdAt)}</td></tr>
          ))}</tbody>
        </table>
      )}
      {data && <Pager pageInfo={data.projects.pageInfo} after={filters.after as string | undefined} total={data.projects.totalCount} shown={rows.length} onPage={(a) => set('after', a)} />}
    </section>
  );
}
