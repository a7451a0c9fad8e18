import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One sample row of an accepted quote's table, as the ai subgraph's reviewer accepted it. */
export interface AcceptedSampleRow {
  sampleNumber?: string | null;
  sampleName?: string | null;
  volume?: string | null;
  volumeUnit?: string | null;
  qubitConc?: string | null;
  qubitUnit?: string | null;
  nanodropConc?: string | null;
  nanodropUnit?: string | null;
  a260_280?: string | null;
  a260_230?: string | null;
  isControl?: boolean | null;
}

/**
 * A quote PDF the ai subgraph's reviewer accepted (its ExtractionAccepted event), kept here so an
 * intake can be made from it without reading ai's tables. Used by at most one intake job.
 */
export const AcceptedExtraction = defineEntity({
  name: 'AcceptedExtraction',
  tableName: 'accepted_extraction',
  properties: {
    /** The ai subgraph's ExtractionJob id. */
    id: p.uuid().primary(),
    labId: p.string().length(100).nullable(),
    /** The submission the quote was for, when the extraction named one. */
    submissionId: p.uuid().nullable(),
    /** DNA or RNA: which of the facility's quote forms it was. */
    form: p.string().length(20).nullable(),
    /** The form's fields by name (organism, sampleType, buffer, flowCell, ...), as accepted. */
    fields: p.json<Record<string, unknown>>(),
    samples: p.json<AcceptedSampleRow[]>(),
    acceptedBy: p.uuid().nullable(),
    acceptedAt: p.datetime(),
  },
});
export type AcceptedExtraction = InferEntity<typeof AcceptedExtraction>;
