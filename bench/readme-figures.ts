/**
 * Regenerates the figure tables of bench/README.md from bench/results/ (issue 13: the README's
 * figures come from the results, never typed by hand). Each table sits between
 * `<!-- figures:<name> -->` and `<!-- /figures:<name> -->`; everything else is left alone.
 *   node --import tsx bench/readme-figures.ts [--check]   (--check: exit 1 when the README is stale)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const readme = join(dir, 'README.md');
const result = (name: string): any => {
  const file = join(dir, 'results', `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const table = (header: string[], rows: unknown[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const load = (m: any) => (m ? `load ${m.loadAverageAtStart?.[0]} → ${m.loadAverageAtEnd?.[0]}` : '');

/** The dashboard's interleaved run: direct, our gateway and Hive Gateway. */
function dashboard(): string | null {
  const r = result('dashboard');
  if (!r?.ratios) return null;
  const cpu = (c: { systemMs: number; otherMs: number; postgresMs: number | null } | undefined) =>
    (c ? `${c.systemMs} / ${c.otherMs || '–'} / ${c.postgresMs ?? '–'}` : '–');
  const rows = Object.values(r.results as Record<string, any>).map((v) => [
    v.about, v.requestsPerSecond, v.latencyMs.p50, v.latencyMs.p99, v.errors, cpu(v.cpuMsPerRequest), v.peakRssMb.systemMb, v.peakRssMb.hiveMb || '–',
  ]);
  const ratios = Object.entries(r.ratios as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `${r.at.slice(0, 16).replace('T', ' ')} UTC, ${r.samples.toLocaleString('en')} samples, ${r.concurrency} clients, ${r.rounds} interleaved rounds of ${r.secondsPerVariant} s per variant in all, ${r.database}, bus ${r.bus}, ${load(r.machine)}:`,
    '',
    table(['path', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms per request: system / separate gateway process / PostgreSQL', 'system RSS MB', 'separate gateway process RSS MB'], rows),
    '',
    `Ratios (ours ÷ other): ${ratios}.`,
  ].join('\n');
}

/** Every recorded fan-out run (database, feed, subscriber count). */
/** The WebSocket clients' process (recorded since the 10,000-subscriber runs), or a dash for older runs. */
function clients(c: { peakRssMb: number; closesAfterAdmission: Record<string, number>; exit: { code: number | null; signal: string | null } } | undefined): string {
  if (!c) return '–';
  const closed = Object.values(c.closesAfterAdmission).reduce((a, b) => a + b, 0);
  return `${c.peakRssMb}, ${closed}, ${c.exit.signal ?? `code ${c.exit.code}`}`;
}

function subscriptions(): string | null {
  const r = result('subscriptions');
  if (!r?.runs) return null;
  const rows = Object.values(r.runs as Record<string, any>).map((v) => [
    `${v.subscribers.toLocaleString('en')} (${v.feed}), ${v.database}/${v.bus}, ${v.at.slice(0, 16).replace('T', ' ')}, ${load(v.machine)}`,
    `${v.deliveredEvents}/${v.expectedIfNoneCoalesced}`, v.lostLastEvents, v.subscriberErrors,
    v.eventToClientMs.p50, v.eventToClientMs.p99, `${v.eventToGatewayProcessMs?.p50 ?? '–'} / ${v.eventToGatewayProcessMs?.p99 ?? '–'}`,
    v.hydrations.perEvent, v.payloadExecutions?.perEvent ?? '–', v.systemProcess.peakRssMb, v.systemProcess.cpuPercentOfOneCore,
    clients(v.clientProcess),
  ]);
  return table(['subscribers, database/bus, when, load', 'delivered', 'lost', 'errors', 'event→client p50 ms', 'p99 ms', 'event→gateway process p50 / p99 ms', 'hydrations per event', 'payload executions per event', 'peak RSS MB', 'CPU % of a core', 'client process: peak RSS MB, sockets closed during the walk, exit'], rows);
}

/** Every recorded intake run (mode, database, rows), largest first. */
function intake(): string | null {
  const r = result('intake');
  if (!r?.runs) return null;
  const runs = Object.values(r.runs as Record<string, any>).sort((a, b) => b.rows - a.rows || a.mode.localeCompare(b.mode));
  const mb = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => (k === 'bench' ? `${Math.round(v)}` : `${k} ${Math.round(v)}`)).join(', ');
  const rows = runs.map((v) => [
    `${v.rows.toLocaleString('en')}, ${v.mode}, ${v.database}/${v.bus}, ${v.at.slice(0, 16).replace('T', ' ')}, ${load(v.machine)}`,
    v.status, v.parseValidateSeconds, v.commitSeconds, `**${v.totalSeconds}**`, v.rowsPerSecond.toLocaleString('en'), v.cpuSeconds,
    `${mb(v.rssBeforeMb)} → ${mb(v.peakRssMb)}`,
    v.retainedHeapMb?.before == null ? '–' : `${v.retainedHeapMb.before} / ${v.retainedHeapMb.afterParse} / ${v.retainedHeapMb.afterCommit}`,
  ]);
  return table(['rows, mode, database/bus, when, load', 'status', 'upload + parse + validate s', 'commit s', 'total s', 'rows/s', 'CPU s', 'RSS MB before → peak', 'heap after full GC MB: before / parsed / committed'], rows);
}


/** bench/memory.ts: the run before the changes (results/memory-before.json) beside the latest. */
function memory(): string | null {
  const runs = [['before', result('memory-before')], ['after', result('memory')]].filter(([, r]) => r?.embeddedIdle) as [string, any][];
  if (!runs.length) return null;
  const when = (r: any) => `${r.at.slice(0, 16).replace('T', ' ')} UTC`;
  const idle = (s: any) => (s?.rssMb !== undefined ? `${s.rssMb} (load ${s.loadAverage1m})` : '–');
  const heap = (s: any) => (s?.heap ? `${s.heap.heapUsedMb} / ${s.heap.heapTotalMb}` : '–');
  const pglite = (s: any) => (s?.pglite ? `${s.pglite.residentMb} / ${s.pglite.reservedMb}` : '–');
  const rows = runs.flatMap(([label, r]) => {
    const gw = r.distributedGateway ?? {};
    const flagsOf = (f?: string[]) => (f?.length ? f.join(' ') : 'none');
    const flags = flagsOf(r.embeddedNodeFlags);
    return [
      [`${label}: embedded, first start (fresh folder)`, idle(r.embeddedFresh), heap(r.embeddedFresh), pglite(r.embeddedFresh), `${when(r)}, flags ${flags}`],
      [`${label}: embedded, restarted on ${r.samples.toLocaleString('en')} samples`, idle(r.embeddedIdle), heap(r.embeddedIdle), pglite(r.embeddedIdle), ''],
      [`${label}: embedded, peak under the dashboard query`, `${r.embeddedUnderLoad.peakRssMb} (load ${r.embeddedUnderLoad.loadAverage1m.join(' → ')})`, heap({ heap: r.embeddedUnderLoad.heapAtEnd }), pglite({ pglite: r.embeddedUnderLoad.pgliteAtEnd }), `${r.embeddedUnderLoad.requestsPerSecond} req/s, p99 ${r.embeddedUnderLoad.latencyMs.p99} ms; heap at the end of the load`],
      [`${label}: embedded, after the load settles`, idle(r.embeddedAfterLoad), heap(r.embeddedAfterLoad), pglite(r.embeddedAfterLoad), ''],
      [`${label}: distributed gateway, idle`, idle(gw.idle), heap(gw.idle), '–', gw.skipped ? `skipped: ${gw.skipped}` : `flags ${flagsOf(r.gatewayNodeFlags)}`],
      [`${label}: distributed gateway, peak under the dashboard query`, gw.underLoad ? `${gw.underLoad.peakRssMb} (load ${gw.underLoad.loadAverage1m.join(' → ')})` : '–', heap({ heap: gw.underLoad?.heapAtEnd }), '–', gw.underLoad ? `${gw.underLoad.requestsPerSecond} req/s; heap at the end of the load` : ''],
      [`${label}: distributed gateway, after the load settles`, idle(gw.afterLoad), heap(gw.afterLoad), '–', ''],
    ];
  });
  const [, latest] = runs.at(-1)!;
  return [
    `Targets: embedded idle ≤ ${latest.targets.embeddedIdleMb} MB, under the dashboard load ≤ ${latest.targets.embeddedUnderLoadMb} MB; distributed gateway idle ≤ ${latest.targets.distributedGatewayIdleMb} MB. ${latest.concurrency} clients for ${latest.seconds} s; idle figures after ${latest.settleSeconds} s of settling.`,
    '',
    table(['process, phase', 'RSS MB (1-min load)', 'heap used / total MB', 'PGlite touched / reserved MB', 'note'], rows),
  ].join('\n');
}

const generators: Record<string, () => string | null> = { dashboard, subscriptions, intake, memory };
let text = readFileSync(readme, 'utf8');
const before = text;
for (const [name, generate] of Object.entries(generators)) {
  const block = new RegExp(`(<!-- figures:${name} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- /figures:${name} -->)`);
  const figures = generate();
  if (figures && block.test(text)) text = text.replace(block, (_, open: string, close: string) => `${open}${figures}\n${close}`);
}
if (process.argv.includes('--check')) {
  if (text !== before) { console.error('bench/README.md figures are stale: run node --import tsx bench/readme-figures.ts'); process.exit(1); }
} else {
  writeFileSync(readme, text);
  console.log(text === before ? 'bench/README.md figures already up to date' : 'bench/README.md figures regenerated');
}
