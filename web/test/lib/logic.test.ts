import { describe, expect, it, jest } from '@jest/globals';
import { readFilters, withFilter, writeFilters } from '../../src/lib/query-state.js';
import { median, weekStart, weeklySeries } from '../../src/lib/weekly.js';
import { coalesce, compareCards, summarize, type BoardCard } from '../../src/lib/board.js';
import { parseCsv } from '../../src/lib/csv.js';
import { buildResults, parseDeliveredFiles } from '../../src/lib/steps.js';
import { describeError } from '../../src/lib/errors.js';
import { can } from '../../src/lib/roles.js';

describe('filters in the query string', () => {
  const spec = { lists: ['priority'], allowed: { priority: ['URGENT', 'HIGH', 'NORMAL', 'LOW'] } };
  it('reads lists and drops values a shared URL should not send', () => {
    expect(readFilters('?priority=HIGH,BOGUS,URGENT&q=ecoli&empty=', spec)).toEqual({ priority: ['HIGH', 'URGENT'], q: 'ecoli' });
  });
  it('writes a stable, readable query string and round-trips', () => {
    const text = writeFilters({ q: 'e coli', priority: ['URGENT', 'HIGH'], after: undefined });
    expect(text).toBe('?priority=URGENT,HIGH&q=e+coli');
    expect(readFilters(text, spec)).toEqual({ priority: ['URGENT', 'HIGH'], q: 'e coli' });
  });
  it('drops the page cursor when a filter changes, and removes emptied filters', () => {
    expect(withFilter({ q: 'x', after: 'abc' }, 'priority', ['HIGH'])).toEqual({ q: 'x', priority: ['HIGH'] });
    expect(withFilter({ q: 'x', priority: ['HIGH'] }, 'priority', [])).toEqual({ q: 'x' });
    expect(withFilter({ q: 'x' }, 'after', 'cur')).toEqual({ q: 'x', after: 'cur' });
  });
});

describe('weekly throughput and turnaround', () => {
  it('starts weeks on Monday UTC', () => {
    expect(new Date(weekStart(Date.parse('2026-12-02T15:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-11-29T23:59:00Z'))).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('buckets finished samples and keeps empty weeks as zero', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const series = weeklySeries([
      { submittedAt: '2026-11-20T00:00:00Z', completedAt: '2026-12-01T00:00:00Z' },
      { submittedAt: '2026-11-28T00:00:00Z', completedAt: '2026-12-02T00:00:00Z' },
      { submittedAt: '2026-11-10T00:00:00Z', completedAt: '2026-11-17T00:00:00Z' },
      { submittedAt: '2026-11-10T00:00:00Z', completedAt: null },
      { submittedAt: '2026-01-01T00:00:00Z', completedAt: '2026-01-05T00:00:00Z' },
    ], 3, now);
    expect(series).toEqual([
      { weekStart: '2026-11-16T00:00:00.000Z', completed: 1, medianTurnaroundDays: 7 },
      { weekStart: '2026-11-23T00:00:00.000Z', completed: 0, medianTurnaroundDays: null },
      { weekStart: '2026-11-30T00:00:00.000Z', completed: 2, medianTurnaroundDays: 7.5 },
    ]);
  });
});

describe('the board', () => {
  const card = (name: string, priority: BoardCard['priority'], overdue: boolean, waitingSince: string): BoardCard =>
    ({ sampleId: name, name, priority, overdue, waitingSince, dueAt: null, stepStatus: 'PENDING' });
  it('puts urgent first, then overdue, then the longest waiting', () => {
    const cards = [card('a', 'NORMAL', false, '2026-01-01'), card('b', 'NORMAL', true, '2026-01-03'), card('c', 'URGENT', false, '2026-01-05'), card('d', 'NORMAL', false, '2025-12-01')];
    expect(cards.sort(compareCards).map((c) => c.name)).toEqual(['c', 'b', 'd', 'a']);
    expect(summarize(cards, 10)).toEqual({ total: 10, overdue: 1, byPriority: { URGENT: 1, HIGH: 0, NORMAL: 3, LOW: 0 } });
  });
  it('coalesces a burst of live events into one refresh, no later than the cap', () => {
    jest.useFakeTimers();
    const run = jest.fn();
    const trigger = coalesce(run, 250, 1_000);
    for (let i = 0; i < 10; i++) { trigger(Date.now()); jest.advanceTimersByTime(100); }
    // Events kept arriving every 100 ms, so only the 1 s cap made it run.
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    // A lone later event runs after the quiet delay.
    trigger(Date.now());
    jest.advanceTimersByTime(249);
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    jest.useRealTimers();
  });
});

describe('the CSV preview', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, skipping blank lines', () => {
    expect(parseCsv('\uFEFFname,notes\r\n"O\'Brien, J","said ""hi"""\r\n\r\nplain,\n')).toEqual([['name', 'notes'], ["O'Brien, J", 'said "hi"'], ['plain', '']]);
  });
  it('stops at the row cap', () => {
    expect(parseCsv('a\nb\nc\nd', 2)).toEqual([['a'], ['b']]);
  });
});

describe('step results forms', () => {
  it('builds the block the API expects, with numbers and dates typed', () => {
    expect(buildResults('SAMPLE_QC', { qubitNgPerUl: '52', volumeUl: '30', outcome: '' })).toEqual({ results: { sampleQc: { qubitNgPerUl: 52, volumeUl: 30 } }, problems: [] });
    const run = buildResults('SEQUENCING_RUN', { runId: 'r1', startedAt: '2026-12-01T09:30:00Z' });
    expect(run.results?.sequencingRun).toEqual({ runId: 'r1', startedAt: '2026-12-01T09:30:00.000Z' });
  });
  it('names each missing or malformed field and sends nothing', () => {
    expect(buildResults('LIBRARY_PREP', { kitCode: 'SQK-LSK114', inputNg: 'lots', meanFragmentLengthBp: '8000.5' })).toEqual({
      problems: [{ field: 'inputNg', message: 'must be a number' }, { field: 'meanFragmentLengthBp', message: 'must be a whole number' }],
    });
    expect(buildResults('DATA_DELIVERY', {}).problems.map((p) => p.field)).toEqual(['method', 'location', 'files']);
  });
  it('reads delivered files one per line', () => {
    expect(parseDeliveredFiles(`a.fastq 10 ${'f'.repeat(64)}\n\n b.bam 20 ${'e'.repeat(64)} `)).toEqual([
      { path: 'a.fastq', bytes: 10, sha256: 'f'.repeat(64) }, { path: 'b.bam', bytes: 20, sha256: 'e'.repeat(64) }]);
    expect(parseDeliveredFiles('just-a-path')).toEqual({ problem: 'line 1 must be: path bytes sha256' });
  });
});

describe('error messages and roles', () => {
  it('says what went wrong without repeating the field', () => {
    const err = { errors: [{ message: 'labId: is required', extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'labId', message: 'is required' }] } }] };
    expect(describeError(err)).toBe('labId: is required');
    expect(describeError({ errors: [{ message: 'Only ADMIN may override', extensions: { code: 'FORBIDDEN' } }] })).toBe('Not allowed — Only ADMIN may override');
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/cannot be reached/);
  });
  it('hides step work from viewers and submitters, overrides from staff', () => {
    expect(['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'].map((r) => can(r as never, 'workSteps'))).toEqual([true, true, false, false]);
    expect(can('STAFF', 'overrideStep')).toBe(false);
    expect(can(null, 'export')).toBe(false);
  });
});
