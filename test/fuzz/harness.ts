import type { TestSystem } from '@app/embedded/testing';

// What every fuzzer shares: how many cases, how to catch what escapes, and how to count what a
// case wrote once the asynchronous consequences of earlier cases have landed.

/** Cases per property: 5 in CI, 100 by `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
/** fast-check's seed: random unless FUZZ_SEED replays a run (with the same FUZZ_RUNS). */
export const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 0x7fffffff));

/** Options for fc.assert: RUNS cases (times `scale`), the run's seed, no shrinking (each case costs real requests). */
export const fuzzOptions = (scale = 1) => ({ numRuns: Math.max(1, Math.round(RUNS * scale)), seed: SEED, endOnFailure: true });

/** A fuzzer's failures, each saying how to replay the run that found it. */
export const replayable = (failures: string[]): string[] => failures.map((f) => `${f} [replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}]`);

const SCHEMAS = ['auth', 'samples', 'workflow', 'ai', 'files', 'audit', 'submission'];
/** Security events recorded on purpose when a credential is refused (the audit trail of attacks). */
const REFUSAL_EVENTS = new Set(['LoginFailed', 'AccountLocked', 'RefreshTokenReused', 'PasswordResetRequested']);

/** Collects unhandled rejections and uncaught exceptions of this process while a fuzzer runs. */
export function catchUnhandled(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const on = (err: unknown) => { errors.push(err); };
  process.on('unhandledRejection', on);
  process.on('uncaughtException', on);
  return {
    errors,
    stop() {
      process.off('unhandledRejection', on);
      process.off('uncaughtException', on);
    },
  };
}

const sql = (t: TestSystem) => t.system.subgraphs.samples!.orm.em.getConnection();

/** Outbox rows written so far in every subgraph, the refusal events aside. */
export async function writes(t: TestSystem): Promise<number> {
  const union = SCHEMAS.map((s) => `select type from ${s}.outbox_event`).join(' union all ');
  const rows = await sql(t).execute<{ type: string; n: string }[]>(`select type, count(*) n from (${union}) e group by type`);
  return rows.filter((r) => !REFUSAL_EVENTS.has(r.type)).reduce((sum, r) => sum + Number(r.n), 0);
}

/** Row counts of `tables` (`schema.table`), read in one statement. */
export async function rowCounts(t: TestSystem, tables: readonly string[]): Promise<Record<string, number>> {
  if (!tables.length) return {};
  const rows = await sql(t).execute<Record<string, string>[]>(`select ${tables.map((name, i) => `(select count(*) from ${name}) as c${i}`).join(', ')}`);
  return Object.fromEntries(tables.map((name, i) => [name, Number(rows[0]![`c${i}`])]));
}

/** What the database holds: outbox rows (`outbox`) and the rows of `tables`. */
export type Footprint = Record<string, number>;

/** The outbox and `tables` counted together. */
export async function footprint(t: TestSystem, tables: readonly string[] = []): Promise<Footprint> {
  const [outbox, counts] = await Promise.all([writes(t), rowCounts(t, tables)]);
  return { outbox, ...counts };
}

/**
 * The footprint once it has stopped moving (three equal readings 100 ms apart): an earlier
 * accepted case's consequences (a consumer's own events, a background commit) land
 * asynchronously and must not be counted as a later refused case's writes.
 */
export async function settledFootprint(t: TestSystem, tables: readonly string[] = []): Promise<Footprint> {
  let last = await footprint(t, tables);
  for (let still = 0; still < 3;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await footprint(t, tables);
    still = JSON.stringify(now) === JSON.stringify(last) ? still + 1 : 0;
    last = now;
  }
  return last;
}

/** The outbox count once it has stopped moving (see settledFootprint). */
export async function settledWrites(t: TestSystem): Promise<number> {
  return (await settledFootprint(t)).outbox;
}

/** What changed between two footprints, only the counts that moved. */
export function delta(before: Footprint, after: Footprint): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]).filter(([, d]) => d !== 0));
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** Errors in a GraphQL answer that mean the server, not the caller, went wrong: INTERNAL_SERVER_ERROR, or no code at all. */
export function serverErrors(body: { errors?: GraphQLErrorLike[] } | null | undefined): string[] {
  return (body?.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR')
    .map((e) => `${e.extensions?.code ?? 'NO_CODE'}: ${e.message}`);
}

/** An HTTP answer read as JSON; a body that is not JSON is kept as text under `text`. */
export async function readAnswer(res: Response): Promise<{ status: number; json: any; text: string }> {
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text), text };
  } catch {
    return { status: res.status, json: null, text };
  }
}

/** A short printable form of a case for a failure message. */
export const show = (value: unknown, max = 200): string => {
  const s = typeof value === 'string' ? value : Buffer.isBuffer(value) || value instanceof Uint8Array ? `<${value.length} bytes>` : JSON.stringify(value);
  return (s ?? String(s)).length > max ? `${(s ?? '').slice(0, max)}…` : s ?? String(s);
};
