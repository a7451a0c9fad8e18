// The facility at a glance: one column per workflow step, updated live from workflowEvents.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import type { BoardQuery as BoardQueryResult } from '../gql/graphql';
import { RECONNECTED_EVENT } from '../apollo';
import { STEPS, STEP_LABELS, type StepName } from '../lib/steps';
import { coalesce, compareCards, summarize, PRIORITY_ORDER, type BoardCard, type PriorityName } from '../lib/board';
import { readFilters, withFilter, writeFilters } from '../lib/query-state';
import { relative, titleCase } from '../lib/format';
import { ErrorState, Loading } from '../components/States';
import { OverdueBadge, PriorityBadge } from '../components/Badges';

const CARDS_PER_COLUMN = 50;

const QueueFields = graphql(`
  fragment BoardQueue on WorkQueueConnection {
    totalCount
    edges { node { priority waitingSince sample { id number name overdue } workflow { id dueAt } step { id status } } }
  }
`);
void QueueFields;

export const BoardQuery = graphql(`
  query Board($first: Int!) {
    sampleQc: workQueue(step: SAMPLE_QC, first: $first) { ...BoardQueue }
    libraryPrep: workQueue(step: LIBRARY_PREP, first: $first) { ...BoardQueue }
    libraryQc: workQueue(step: LIBRARY_QC, first: $first) { ...BoardQueue }
    sequencingSetup: workQueue(step: SEQUENCING_SETUP, first: $first) { ...BoardQueue }
    sequencingRun: workQueue(step: SEQUENCING_RUN, first: $first) { ...BoardQueue }
    basecalling: workQueue(step: BASECALLING, first: $first) { ...BoardQueue }
    qualityAssessment: workQueue(step: QUALITY_ASSESSMENT, first: $first) { ...BoardQueue }
    dataDelivery: workQueue(step: DATA_DELIVERY, first: $first) { ...BoardQueue }
    sampleStats { total byStatus { status count } }
  }
`);

export const BoardEvents = graphql(`
  subscription BoardEvents { workflowEvents { seq sampleId action step status occurredAt sample { id name } } }
`);

const ALIAS: Record<StepName, Exclude<keyof BoardQueryResult, 'sampleStats' | '__typename'>> = {
  SAMPLE_QC: 'sampleQc', LIBRARY_PREP: 'libraryPrep', LIBRARY_QC: 'libraryQc', SEQUENCING_SETUP: 'sequencingSetup',
  SEQUENCING_RUN: 'sequencingRun', BASECALLING: 'basecalling', QUALITY_ASSESSMENT: 'qualityAssessment', DATA_DELIVERY: 'dataDelivery',
};

interface Column { step: StepName; total: number; cards: BoardCard[] }

function toColumns(data: BoardQueryResult | undefined): Column[] {
  if (!data) return [];
  return STEPS.map((step) => {
    const conn = data[ALIAS[step]];
    const cards: BoardCard[] = conn.edges.map(({ node }) => ({
      sampleId: node.sample.id, name: node.sample.name, priority: node.priority, overdue: node.sample.overdue,
      dueAt: node.workflow.dueAt, waitingSince: node.waitingSince, stepStatus: node.step.status,
    }));
    return { step, total: conn.totalCount, cards: cards.sort(compareCards) };
  });
}

export function BoardPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, { lists: ['priority'], allowed: { priority: PRIORITY_ORDER, overdue: ['1'] } });
  const { data, error, loading, refetch } = useQuery(BoardQuery, { variables: { first: CARDS_PER_COLUMN }, fetchPolicy: 'cache-and-network' });
  const [lastEvent, setLastEvent] = useState<string | null>(null);
  const refresh = useRef(coalesce(() => { void refetch(); }, 250, 1_000));
  const live = useSubscription(BoardEvents, {
    onData: ({ data: event }) => {
      const e = event.data?.workflowEvents;
      if (e) setLastEvent(`${e.sample.name}: ${titleCase(e.step)} ${titleCase(e.action)}`);
      refresh.current();
    },
  });
  useEffect(() => { document.title = 'Board · Nanopore facility'; }, []);
  useEffect(() => {
    const catchUp = () => refresh.current();
    window.addEventListener(RECONNECTED_EVENT, catchUp);
    return () => window.removeEventListener(RECONNECTED_EVENT, catchUp);
  }, []);
  const columns = useMemo(() => toColumns(data), [data]);
  const priorities = (filters.priority as PriorityName[] | undefined) ?? [];
  const shown = (cards: BoardCard[]) => cards.filter((c) => (!priorities.length || priorities.includes(c.priority)) && (!filters.overdue || c.overdue));
  const setFilter = (key: string, value: string | string[] | undefined) => setParams(writeFilters(withFilter(filters, key, value)));

  return (
    <section aria-labelledby="board-title" className="board-page">
      <div className="page-head">
        <h1 id="board-title">Board</h1>
        <p className="live" aria-live="polite" data-testid="live-status">
          {live.error ? `Live updates interrupted: ${live.error.message}` : lastEvent ? `Live · last change: ${lastEvent}` : 'Live · waiting for changes'}
        </p>
      </div>
      {data?.sampleStats && (
        <ul className="stats" aria-label="Samples by status">
          <li><strong>{data.sampleStats.total}</strong> samples</li>
          {data.sampleStats.byStatus.map((s) => <li key={s.status}><strong>{s.count}</strong> {titleCase(s.status)}</li>)}
        </ul>
      )}
      <fieldset className="filters">
        <legend>Show</legend>
        {PRIORITY_ORDER.map((p) => (
          <label key={p}>
            <input type="checkbox" checked={priorities.includes(p)}
              onChange={(e) => setFilter('priority', e.target.checked ? [...priorities, p] : priorities.filter((x) => x !== p))} />
            {titleCase(p)}
          </label>
        ))}
        <label><input type="checkbox" checked={!!filters.overdue} onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)} /> Overdue only</label>
      </fieldset>
      {error && !data ? <ErrorState error={error} what="the board" retry={() => void refetch()} /> : null}
      {loading && !data ? <Loading what="the board" /> : null}
      {data && (
        <div className="board" role="list" aria-label="Workflow steps">
          {columns.map((col) => <BoardColumn key={col.step} column={col} cards={shown(col.cards)} />)}
        </div>
      )}
    </section>
  );
}

function BoardColumn({ column, cards }: { column: Column; cards: BoardCard[] }) {
  const summary = summarize(column.cards, column.total);
  return (
    <section className="column" role="listitem" aria-label={`${STEP_LABELS[column.step]}: ${column.total} samples`} data-step={column.step}>
      <header>
        <h2><Link to={`/queue?step=${column.step}`}>{STEP_LABELS[column.step]}</Link></h2>
        <span className="count" data-testid={`count-${column.step}`}>{column.total}</span>
      </header>
      <p className="column-summary">
        {summary.byPriority.URGENT ? <span className="priority-urgent">{summary.byPriority.URGENT} urgent</span> : null}
        {summary.byPriority.HIGH ? <span className="priority-high">{summary.byPriority.HIGH} high</span> : null}
        {summary.overdue ? <span className="overdue">{summary.overdue} overdue</span> : null}
      </p>
      {cards.length === 0 ? <p className="state-empty">Nothing waiting</p> : (
        <ul className="cards">
          {cards.map((c) => (
            <li key={c.sampleId} className={`card${c.overdue ? ' is-overdue' : ''}`} data-sample={c.name}>
              <Link to={`/samples/${c.sampleId}`}>{c.name}</Link>
              <span className="card-meta">
                <PriorityBadge priority={c.priority} /> <OverdueBadge overdue={c.overdue} />
                {c.stepStatus === 'IN_PROGRESS' ? <span className="badge in-progress">In progress</span> : null}
                {c.stepStatus === 'FAILED' ? <span className="badge failed">Failed</span> : null}
              </span>
              <span className="card-time">waiting {relative(c.waitingSince).replace(' ago', '')}{c.dueAt ? ` · due ${relative(c.dueAt)}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {column.total > column.cards.length ? <Link className="more" to={`/queue?step=${column.step}`}>{column.total - column.cards.length} more in the queue</Link> : null}
    </section>
  );
}
