import { describe, expect, it } from '@jest/globals';
import type { Submission } from '../src/entities/index.js';
import type { SubmissionStatus } from '../src/entities/enums.js';
import { addToSubmission, deriveSubmissionStatus, type SampleTally } from '../src/services/submission-status.js';

// addSamples counts new samples up instead of recounting the submission; for every consistent
// state that must give what a recount would.
const STATES: { status: SubmissionStatus; tally: SampleTally }[] = [
  { status: 'DRAFT', tally: { active: 0, started: 0, done: 0 } },
  { status: 'DRAFT', tally: { active: 3, started: 0, done: 0 } },
  { status: 'SUBMITTED', tally: { active: 2, started: 0, done: 0 } },
  { status: 'RECEIVED', tally: { active: 5, started: 0, done: 0 } },
  { status: 'IN_PROGRESS', tally: { active: 5, started: 2, done: 0 } },
  { status: 'IN_PROGRESS', tally: { active: 5, started: 3, done: 2 } },
  { status: 'COMPLETED', tally: { active: 4, started: 4, done: 4 } },
  { status: 'CANCELLED', tally: { active: 4, started: 1, done: 0 } },
];

describe('addToSubmission', () => {
  it.each(STATES)('gives a recount\'s counts and status for $status with $tally.active samples', ({ status, tally }) => {
    const submission = { status, sampleCount: tally.active, completedCount: tally.done, completedAt: status === 'COMPLETED' ? new Date() : null } as unknown as Submission;
    addToSubmission(submission, 7);
    const recounted = deriveSubmissionStatus(status, { ...tally, active: tally.active + 7 });
    expect({ status: submission.status, sampleCount: submission.sampleCount, completedCount: submission.completedCount })
      .toEqual({ status: recounted, sampleCount: tally.active + 7, completedCount: tally.done });
    if (status === 'COMPLETED') expect(submission.completedAt).toBeNull();
  });
});
