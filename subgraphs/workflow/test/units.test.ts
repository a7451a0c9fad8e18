import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@app/common';
import { loadWorkflowConfig } from '../src/config.js';
import { deriveSampleStatus, type StepState } from '../src/services/progress.js';
import { DEFAULT_QC_THRESHOLDS, evaluate, rulesFor } from '../src/services/qc-thresholds.js';
import { addBusinessDays, dueDate, estimateEta } from '../src/services/timing.js';
import { STEPS } from './helpers.js';

const steps = (...statuses: StepState['status'][]): StepState[] => STEPS.map((name, i) => ({ name, position: i + 1, status: statuses[i] ?? 'PENDING' }));

describe('sample status derived from steps (domain.md §4.3)', () => {
  it('maps the current step to its stage', () => {
    expect(deriveSampleStatus(steps(), false)).toBe('SUBMITTED');
    expect(deriveSampleStatus(steps('IN_PROGRESS'), false)).toBe('PREP');
    expect(deriveSampleStatus(steps('COMPLETED', 'COMPLETED', 'SKIPPED'), false)).toBe('SEQUENCING');
    expect(deriveSampleStatus(steps('COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED'), false)).toBe('ANALYSIS');
    expect(deriveSampleStatus(steps(...Array(7).fill('COMPLETED')), false)).toBe('COMPLETED');
    const delivered = steps(...Array(8).fill('COMPLETED'));
    expect(deriveSampleStatus(delivered, false)).toBe('COMPLETED');
    delivered[7]!.results = { acknowledgedAt: '2026-01-01T00:00:00Z' };
    expect(deriveSampleStatus(delivered, false)).toBe('DISTRIBUTED');
    expect(deriveSampleStatus(delivered, true)).toBe('ARCHIVED');
  });
});

describe('timing', () => {
  it('counts business days Monday to Friday', () => {
    expect(addBusinessDays(new Date('2026-03-06T15:00:00Z'), 5).toISOString()).toBe('2026-03-13T15:00:00.000Z'); // Friday → Friday
    expect(addBusinessDays(new Date('2026-03-07T10:00:00Z'), 1).toISOString()).toBe('2026-03-10T00:00:00.000Z'); // Saturday → counts from Monday
    expect(dueDate(new Date('2026-03-06T15:00:00Z'), { unit: 'hours', amount: 24 }).toISOString()).toBe('2026-03-07T15:00:00.000Z');
  });

  it('never lets an overrunning step make the ETA earlier than now', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const eta = estimateEta([{ status: 'IN_PROGRESS', estimatedHours: 1, startedAt: new Date('2026-03-02T08:00:00Z') }, { status: 'PENDING', estimatedHours: 2 }], now, null);
    expect(eta.toISOString()).toBe('2026-03-02T14:00:00.000Z');
  });
});

describe('QC thresholds', () => {
  it('uses the sample type, and checks only what was measured', () => {
    const rna = rulesFor(DEFAULT_QC_THRESHOLDS, 'SAMPLE_QC', { sampleType: 'RNA' });
    const checks = evaluate(rna, { concentrationNgPerUl: 600, volumeUl: 20, a260280: null });
    expect(checks.map((c) => [c.metric, c.passed])).toEqual([['volumeUl', true], ['concentrationNgPerUl', false]]);
  });
});

describe('configuration', () => {
  it('merges overrides over the defaults', () => {
    const config = loadWorkflowConfig({ WORKFLOW_STEP_HOURS: 'SEQUENCING_RUN=72, BASECALLING=0.5', WORKFLOW_SLA: 'NORMAL=3bd,URGENT=12h' });
    expect(config.stepHours).toMatchObject({ SEQUENCING_RUN: 72, BASECALLING: 0.5, SAMPLE_QC: 1 });
    expect(config.sla).toMatchObject({ NORMAL: { unit: 'businessDays', amount: 3 }, URGENT: { unit: 'hours', amount: 12 }, HIGH: { unit: 'hours', amount: 48 } });
  });

  it('names every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadWorkflowConfig({ WORKFLOW_STEP_HOURS: 'SEQUENCING=72', WORKFLOW_SLA: 'URGENT=soon', WORKFLOW_QC_THRESHOLDS: '{"SAMPLE_QC":{"default":{"x":{"min":"a"}}}}', WORKFLOW_SENIOR_STAFF_IDS: 'bob' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.join('\n')).toMatch(/WORKFLOW_STEP_HOURS: unknown key "SEQUENCING"[\s\S]*WORKFLOW_SLA: URGENT[\s\S]*WORKFLOW_QC_THRESHOLDS: SAMPLE_QC.default.x.min[\s\S]*WORKFLOW_SENIOR_STAFF_IDS/);
  });
});
