// The rows of one intake job: per-row field problems, a fix form for a row's faulty cells, exclude or
// include a row, and after a commit the sample each row became (or why samples refused it).
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { IntakeJobQuery } from '../gql/graphql';
import { describeError } from '../lib/errors';
import { titleCase } from '../lib/format';
import { Notice } from './States';

type Job = NonNullable<IntakeJobQuery['intakeJob']>;
type Row = Job['rows']['edges'][number]['node'];

const UpdateRow = graphql(`mutation UpdateIntakeRow($id: ID!, $values: JSON!) { updateIntakeRow(id: $id, values: $values) { id status raw parsed errors { field column message } } }`);
const ExcludeRows = graphql(`mutation ExcludeIntakeRows($jobId: ID!, $rowIds: [ID!]!, $excluded: Boolean) { excludeIntakeRows(jobId: $jobId, rowIds: $rowIds, excluded: $excluded) { id status rowCount errorCount excludedCount } }`);

/** Rows can change until the job is committed in full. */
const editable = (job: Job) => job.status === 'VALIDATED' || job.status === 'PARTIALLY_COMMITTED' || job.status === 'FAILED';

export function IntakeRows({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const [fixing, setFixing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exclude] = useMutation(ExcludeRows);

  async function toggle(row: Row) {
    setProblem(null);
    try {
      await exclude({ variables: { jobId: job.id, rowIds: [row.id], excluded: row.status !== 'EXCLUDED' } });
      onChanged();
    } catch (err) {
      setProblem(describeError(err));
    }
  }

  return (
    <>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="scroll"><table className="table">
        <thead><tr><th scope="col">Row</th><th scope="col">Status</th><th scope="col">Sample</th><th scope="col">Problems</th><th scope="col">Actions</th></tr></thead>
        <tbody>{job.rows.edges.map(({ node }) => (
          <RowLine key={node.id} row={node} canEdit={editable(job) && node.status !== 'COMMITTED'} fixing={fixing === node.id}
            onFix={() => setFixing(fixing === node.id ? null : node.id)} onToggle={() => void toggle(node)}
            onFixed={() => { setFixing(null); onChanged(); }} />
        ))}</tbody>
      </table></div>
    </>
  );
}

interface RowLineProps { row: Row; canEdit: boolean; fixing: boolean; onFix: () => void; onToggle: () => void; onFixed: () => void }

function RowLine({ row, canEdit, fixing, onFix, onToggle, onFixed }: RowLineProps) {
  const bad = row.status === 'INVALID' || row.status === 'FAILED';
  const name = String((row.parsed as Record<string, unknown>)?.name ?? (row.parsed as Record<string, unknown>)?.sampleName ?? '');
  return (
    <>
      <tr className={bad ? 'is-invalid' : undefined} data-row={row.rowNumber} data-status={row.status}>
        <td>{row.rowNumber}</td>
        <td>{titleCase(row.status)}</td>
        <td>{row.sampleId ? <Link to={`/samples/${row.sampleId}`}>{name || row.sampleId}</Link> : name}</td>
        <td>{row.errors.map((e) => `${e.column ?? e.field}: ${e.message}`).join('; ') || '—'}</td>
        <td>
          {canEdit && bad ? <button type="button" onClick={onFix}>{fixing ? 'Cancel' : `Fix row ${row.rowNumber}`}</button> : null}{' '}
          {canEdit && row.status !== 'FAILED' ? <button type="button" onClick={onToggle}>{row.status === 'EXCLUDED' ? `Include row ${row.rowNumber}` : `Exclude row ${row.rowNumber}`}</button> : null}
        </td>
      </tr>
      {fixing ? <tr><td colSpan={5}><FixRow row={row} onFixed={onFixed} /></td></tr> : null}
    </>
  );
}

/** One input per faulty cell, prefilled with what the sheet said; the server checks the row again. */
function FixRow({ row, onFixed }: { row: Row; onFixed: () => void }) {
  const raw = (row.raw ?? {}) as Record<string, unknown>;
  const columns = [...new Set(row.errors.map((e) => e.column).filter((c): c is string => !!c))];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(columns.map((c) => [c, String(raw[c] ?? '')])));
  const [update, { loading }] = useMutation(UpdateRow);
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
    setProblem(null);
    try {
      await update({ variables: { id: row.id, values } });
      onFixed();
    } catch (err) {
      setProblem(describeError(err));
    }
  }

  if (columns.length === 0) return <p className="muted">No single cell is at fault; exclude the row or fix the sheet.</p>;
  return (
    <form className="inline-form" aria-label={`Fix row ${row.rowNumber}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {columns.map((column) => (
        <label key={column}>{column}{' '}
          <input value={values[column] ?? ''} onChange={(e) => setValues({ ...values, [column]: e.target.value })} />
        </label>
      ))}
      <button type="submit" disabled={loading}>{loading ? 'Checking…' : 'Save and check'}</button>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </form>
  );
}
