import { describe, expect, it } from '@jest/globals';
import { readPdf } from '../src/services/pdf/document.js';
import { extractFromPages, extractQuotePdf } from '../src/services/pdf/extract.js';
import { LOW_CONFIDENCE } from '../src/services/pdf/draft.js';
import { DEFAULT_PDF_LIMITS } from '../src/services/pdf/limits.js';
import { loadFixtures } from './fixtures/fixture-set.js';
import { score } from './fixtures/score.js';

const fixtures = loadFixtures();
const drafts = new Map<string, Awaited<ReturnType<typeof extractQuotePdf>>>();
const draftOf = async (name: string) => {
  if (!drafts.has(name)) drafts.set(name, await extractQuotePdf(fixtures.find((f) => f.name === name)!.pdf, DEFAULT_PDF_LIMITS));
  return drafts.get(name)!;
};
const value = (d: Awaited<ReturnType<typeof extractQuotePdf>>, name: string) => d.fields.find((f) => f.name === name);

describe('geometric quote extraction', () => {
  it('reads every fixture exactly: every field, every selection, every row', async () => {
    const results = [];
    for (const f of fixtures) results.push({ truth: f.truth, draft: await draftOf(f.name) });
    const s = score(results);
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(s.fields.wrong).toEqual([]);
    expect(s.rows).toEqual({ truth: s.rows.truth, extracted: s.rows.truth, matched: s.rows.truth });
  });

  it('reads the real quote shape: 94 samples + 2 controls, volumes 2 µL, Nanodrop kept apart from the empty Qubit column', async () => {
    const d = await draftOf('dna-jl147');
    expect(d.pages).toBe(5);
    const samples = d.samples.filter((s) => !s.isControl);
    expect(samples).toHaveLength(94);
    expect(d.samples.filter((s) => s.isControl).map((s) => [s.sampleNumber, s.sampleName])).toEqual([['95', 'Positive control'], ['96', 'BLANK']]);
    expect(new Set(d.samples.map((s) => `${s.volume} ${s.volumeUnit}`))).toEqual(new Set(['2 µL']));
    expect(d.samples.every((s) => s.qubitConc === null && s.qubitUnit === null)).toBe(true);
    const nanodrop = samples.map((s) => Number(s.nanodropConc));
    expect(Math.min(...nanodrop)).toBeGreaterThanOrEqual(112.7);
    expect(Math.max(...nanodrop)).toBeLessThanOrEqual(468.75);
    expect(samples.slice(0, 3).map((s) => [s.sampleNumber, s.sampleName])).toEqual([['1', '1'], ['2', '3'], ['3', '5']]);
    // Rows come from the table only: no contact block, no cost line.
    expect(d.samples.some((s) => /jlee|Flow Cell|Oxford/.test(s.sampleName))).toBe(false);
  });

  it('takes marks from the graphics, not the first option', async () => {
    const d = await draftOf('dna-jl147');
    expect(value(d, 'kit')).toMatchObject({ value: 'SQK-RBK114.24', source: 'CHECKBOX', page: 1 });
    expect(value(d, 'kit')!.bbox).toHaveLength(4);
    expect(value(d, 'sampleType')!.value).toBe('PCR_AMPLICONS');
    expect(value(d, 'basecalling')!.value).toBe('SUP');
    expect(value(d, 'dataRetrieval')!.value).toEqual(['ITS_PROJ', 'URL']);
  });

  it('answers null with a warning when no option is marked', async () => {
    const human = value(await draftOf('dna-no-human-answer'), 'humanDna')!;
    expect(human).toMatchObject({ value: null, warning: 'No option is marked', source: 'CHECKBOX' });
  });

  it('reads the RNA form, two PIs, wrapped names and an unusual font', async () => {
    const pcb = await draftOf('rna-pcb-two-pis');
    expect(pcb.form).toBe('RNA');
    expect(value(pcb, 'kit')!.value).toBe('SQK-PCB114.24');
    expect(value(pcb, 'pis')!.value).toBe('Maria Santos - msantos@unc.edu; Wei Chen - wchen@unc.edu');
    const long = await draftOf('dna-long-names');
    expect(long.samples[0]!.sampleName).toBe('Mouse-liver-timecourse-01-replicate-3-treated-with-compound-A-long-incubation-overnight');
    const mono = await draftOf('rna-drb-mono');
    expect(value(mono, 'kit')!.value).toBe('SQK-DRB004.24');
  });

  it('keeps confident values confident and flags only what needs a look', async () => {
    const d = await draftOf('dna-200');
    expect(d.pages).toBe(6);
    expect(d.samples).toHaveLength(200);
    expect(d.fields.filter((f) => f.confidence < LOW_CONFIDENCE)).toEqual([]);
  });

  it('puts the values it gets wrong in the low band: with every mark erased, each question is null at low confidence', async () => {
    const f = fixtures.find((x) => x.name === 'dna-jl147')!;
    const pages = await readPdf(f.pdf, DEFAULT_PDF_LIMITS);
    const erased = pages.map((p) => ({ ...p, shapes: p.shapes.filter((s) => !(s.filled && s.darkness >= 0.6 && s.x1 - s.x0 <= 16 && s.y1 - s.y0 <= 16)) }));
    const s = score([{ truth: f.truth, draft: extractFromPages(erased) }]);
    expect(s.fields.wrong.length).toBe(8);
    expect(s.fields.wrong.every((w) => w.confidence < LOW_CONFIDENCE)).toBe(true);
  });
});
