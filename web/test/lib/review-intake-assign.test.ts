import { describe, expect, it } from '@jest/globals';
import { assigneeChoices } from '../../src/lib/assignees.js';
import { progressLine, settledIntake } from '../../src/lib/intake.js';
import { changedCells, confidenceLevel, describeBox, describeOrigin, fieldCorrection, fieldEditText, formatConfidence, runningExtraction } from '../../src/lib/extraction.js';

describe('queue assignees', () => {
  const staff = [{ id: 's2', name: 'Bo Chen' }, { id: 's1', name: 'Ana Diaz' }];
  const admins = [{ id: 'a1', name: 'Administrator' }, { id: 's1', name: 'Ana Diaz' }];

  it('merges staff and admins once each, by name, and marks the caller', () => {
    expect(assigneeChoices([staff, admins], 's2')).toEqual([
      { id: 'a1', label: 'Administrator' }, { id: 's1', label: 'Ana Diaz' }, { id: 's2', label: 'Bo Chen (you)' },
    ]);
  });

  it('tells apart two people with one name by email, or by id when the email is hidden', () => {
    const twins = [{ id: 'b-2222222222', name: 'Test staff', email: null }, { id: 'a-1111111111', name: 'Test staff', email: 'one@lab.test' }, { id: 'c', name: 'Cy' }];
    expect(assigneeChoices([twins], 'a-1111111111').map((c) => c.label)).toEqual(['Cy', 'Test staff <one@lab.test> (you)', 'Test staff <b-222222>']);
  });

  it('keeps the current assignee as a choice when they are no longer listed', () => {
    const choices = assigneeChoices([staff], null, { id: 'gone', name: 'Former Tech' });
    expect(choices.map((c) => c.id)).toEqual(['s1', 's2', 'gone']);
    expect(assigneeChoices([staff], null, { id: 's1', name: 'Ana Diaz' })).toHaveLength(2);
  });
});

describe('intake progress', () => {
  const base = { processed: 0, total: null, rowCount: 150, errorCount: 1, committedCount: 0, failedCount: 0 };
  it('names what the job is doing while it runs', () => {
    expect(progressLine({ ...base, status: 'PARSING', processed: 40 })).toBe('Reading the sheet… 40 rows read so far.');
    expect(progressLine({ ...base, status: 'COMMITTING', processed: 50, total: 149 })).toBe('Committing… 50 of 149 rows done (34%).');
    expect(progressLine({ ...base, status: 'COMMITTING', processed: 5 })).toBe('Committing… 5 rows done.');
  });
  it('says nothing once the job has settled (its counts say it)', () => {
    expect(progressLine({ ...base, status: 'COMMITTED', committedCount: 149 })).toBeNull();
    expect(progressLine({ ...base, status: 'VALIDATED' })).toBeNull();
  });
  it('knows which states are settled', () => {
    expect(['PARSING', 'COMMITTING'].map(settledIntake)).toEqual([false, false]);
    expect(['VALIDATED', 'COMMITTED', 'PARTIALLY_COMMITTED', 'FAILED'].map(settledIntake)).toEqual([true, true, true, true]);
  });
});

describe('PDF review', () => {
  it('grades confidence at the 0.8 line the fixture set draws, and prints it as a percentage', () => {
    expect([0.5, 0.799, 0.8, 0.94, 0.95, 1].map(confidenceLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect([0.8349, 1, 1.2, -0.1].map(formatConfidence)).toEqual(['83%', '100%', '100%', '0%']);
  });

  it('says where a value came from', () => {
    expect(describeOrigin({ source: 'LAYOUT', page: 1, line: 4 })).toBe('page 1, label on the form');
    expect(describeOrigin({ source: 'PATTERN_X', page: null, line: 3 })).toBe('line 3, pattern_x');
    expect(describeOrigin({ source: 'MANUAL' })).toBe('reviewer');
    expect(describeBox([71.6, 140.2, 300, 152])).toBe('at 72, 140 pt');
    expect(describeBox(null)).toBe('');
  });

  it('turns an edit into the correction the server takes: one value, or one option per line', () => {
    expect(fieldCorrection({ fieldName: 'requester', values: null }, '  Ana Bell ')).toEqual({ fieldName: 'requester', value: 'Ana Bell' });
    expect(fieldCorrection({ fieldName: 'requester' }, '   ')).toEqual({ fieldName: 'requester', value: null });
    expect(fieldCorrection({ fieldName: 'services', values: ['A'] }, 'Library prep\n\n Basecalling, sup \n')).toEqual({ fieldName: 'services', values: ['Library prep', 'Basecalling, sup'] });
    expect(fieldEditText({ values: ['A', 'B'] })).toBe('A\nB');
    expect(fieldEditText({ value: null })).toBe('');
  });

  it('sends only the sample cells that changed, clearing emptied ones', () => {
    const row = { sampleName: 'S1', volume: '20', qubitConc: null, nanodropConc: '12', a260_280: '1.8', a260_230: null };
    expect(changedCells(row, { sampleName: 'S1', volume: ' 25 ', qubitConc: '', nanodropConc: '', a260_280: '1.8', a260_230: '2.1' })).toEqual([
      { field: 'volume', value: '25' }, { field: 'nanodropConc', value: null }, { field: 'a260_230', value: '2.1' },
    ]);
    expect(changedCells(row, {})).toEqual([]);
  });

  it('follows a job live only while it is queued or running', () => {
    expect(['QUEUED', 'RUNNING', 'NEEDS_REVIEW', 'ACCEPTED', 'FAILED'].map(runningExtraction)).toEqual([true, true, false, false, false]);
  });
});
