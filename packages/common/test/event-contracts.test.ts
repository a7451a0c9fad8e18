import { describe, expect, it } from '@jest/globals';
import { EventTypes, StepEventTypes } from '../src/index.js';

describe('event contracts', () => {
  it('name every event by its wire name', () => {
    for (const [key, name] of Object.entries(EventTypes)) {
      expect(name).toBe(key);
      expect(name).toMatch(/^[A-Z][a-z]+([A-Z][a-z]+)*$/);
    }
  });

  it('map every step action to its own declared step event', () => {
    const declared = new Set<string>(Object.values(EventTypes));
    const stepEvents = Object.values(StepEventTypes);
    expect(new Set(stepEvents).size).toBe(stepEvents.length);
    for (const [action, type] of Object.entries(StepEventTypes)) {
      expect(declared.has(type)).toBe(true);
      // STARTED → StepStarted, RESULTS_RECORDED → StepResultsRecorded.
      expect(type).toBe(`Step${action.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`);
    }
  });
});
