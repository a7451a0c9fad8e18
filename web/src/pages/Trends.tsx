// Throughput and turnaround per week, over the samples the caller may see.
import { useEffect, useMemo, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { weeklySeries, type FinishedSample, type WeekPoint } from '../lib/weekly';
import { Empty, ErrorState, Loading } from '../components/States';
import { WeeklyChart } from '../components/WeeklyChart';

const FinishedSamples = graphql(`
  query FinishedSamples($from: DateTime!, $after: String) {
    samples(filter: { status: [COMPLETED, DISTRIBUTED], updatedFrom: $from, includeArchived: true }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id submittedAt completedAt } }
    }
  }
`);

const MAX_PAGES = 20;
const WEEK_CHOICES = [4, 8, 12, 26] as const;

export function TrendsPage() {
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const weeks = WEEK_CHOICES.find((w) => String(w) === params.get('weeks')) ?? 12;
  const [state, setState] = useState<{ loading: boolean; error?: unknown; samples: FinishedSample[]; capped: boolean }>({ loading: true, samples: [], capped: false });
  useEffect(() => {
    let cancelled = false;
    document.title = 'Trends · Nanopore facility';
    (async () => {
      setState({ loading: true, samples: [], capped: false });
      const from = new Date(Date.now() - (weeks + 1) * 7 * 86_400_000).toISOString();
      const samples: FinishedSample[] = [];
      let after: string | undefined;
      let pages = 0;
      for (; pages < MAX_PAGES; pages++) {
        const { data } = await client.query({ query: FinishedSamples, variables: { from, after }, fetchPolicy: 'network-only' });
        samples.push(...(data?.samples.edges.map((e) => e.node) ?? []));
        if (!data?.samples.pageInfo.hasNextPage) break;
        after = data.samples.pageInfo.endCursor ?? undefined;
      }
      if (!cancelled) setState({ loading: false, samples, capped: pages === MAX_PAGES });
    })().catch((error: unknown) => { if (!cancelled) setState({ loading: false, error, samples: [], capped: false }); });
    return () => { cancelled = true; };
  }, [client, weeks]);
  const series: WeekPoint[] = useMemo(() => weeklySeries(state.samples, weeks, Date.now()), [state.samples, weeks]);
  const total = series.reduce((n, p) => n + p.completed, 0);

  return (
    <section aria-labelledby="trends-title">
      <div className="page-head">
        <h1 id="trends-title">Throughput and turnaround</h1>
        <label>Weeks <select value={weeks} onChange={(e) => setParams({ weeks: e.target.value })}>{WEEK_CHOICES.map((w) => <option key={w} value={w}>{w}</option>)}</select></label>
      </div>
      {state.loading ? <Loading what="finished samples" /> : null}
      {state.error ? <ErrorState error={state.error} what="finished samples" /> : null}
      {!state.loading && !state.error && total === 0 ? <Empty>No samples finished in the last {weeks} weeks.</Empty> : null}
      {!state.loading && total > 0 && <WeeklyChart series={series} />}
      {state.capped ? <p className="muted">Counted the first {MAX_PAGES * 100} finished samples only.</p> : null}
      {!state.loading && total > 0 && (
        <table className="table" aria-label="Weekly figures">
          <thead><tr><th scope="col">Week of</th><th scope="col">Finished</th><th scope="col">Median turnaround (days)</th></tr></thead>
          <tbody>{series.map((p) => <tr key={p.weekStart}><td>{p.weekStart.slice(0, 10)}</td><td>{p.completed}</td><td>{p.medianTurnaroundDays ?? '—'}</td></tr>)}</tbody>
        </table>
      )}
    </section>
  );
}
