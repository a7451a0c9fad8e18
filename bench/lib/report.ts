import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusMemory } from './process-memory.js';

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);
/** The 1/5/15-minute load averages when the benchmark started (this module is imported first thing). */
const loadAtStart = load();

/** Where and on what a benchmark ran, recorded with its figures (load matters on a shared machine). */
export function machine(): Record<string, unknown> {
  return {
    node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1e9),
    loadAverageAtStart: loadAtStart, loadAverageAtEnd: load(),
  };
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.slice(1).map(line).join('\n')}\n`);
}

/** Writes bench/results/<name>.json. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * Records one run in bench/results/<name>.json under `key` (e.g. database, size), keeping the other
 * runs: one file holds every configuration measured, and the README's tables are generated from it.
 */
export function writeRun(name: string, key: string, run: Record<string, unknown>): string {
  const file = join(import.meta.dirname, '..', 'results', `${name}.json`);
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs?: Record<string, unknown> }) : {};
  return writeResult(name, { benchmark: name, runs: { ...(previous.runs ?? {}), [key]: run } });
}

/** Resident set size of another process in MB, from /proc (null once it has gone). */
export function processRssMb(pid: number | undefined): number | null {
  return pid ? statusMemory(pid)?.rssMb ?? null : null;
}
