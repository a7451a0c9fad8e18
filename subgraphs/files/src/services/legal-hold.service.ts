import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, UnusableEventError, type DomainEvent } from '@app/common';
import { LegalHold, type StoredFile } from '../entities/index.js';

/** What LegalHoldPlacedData / LegalHoldReleasedData say, read leniently: an older audit put the reason only on the envelope. */
const isoTime = z.iso.datetime({ offset: true }).nullish();
const holdSubject = z.object({ id: z.uuid() });
const placedSchema = z.object({
  subject: holdSubject,
  occurredAt: z.string(),
  reason: z.string().nullish(),
  data: z.object({ subjectId: z.string().max(100).nullish(), from: isoTime, to: isoTime, reason: z.string().nullish() }),
});
const releasedSchema = z.object({
  subject: holdSubject,
  occurredAt: z.string(),
  data: z.object({ subjectId: z.string().max(100).nullish(), reason: z.string().nullish() }),
});

function parse<T>(schema: z.ZodType<T>, event: DomainEvent): T {
  const parsed = schema.safeParse(event);
  if (!parsed.success) throw new UnusableEventError(`${event.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/**
 * The audit subgraph's legal holds, as far as purging files is concerned: kept from its events
 * (each applied once, in the consumer's transaction) and consulted before bytes are removed.
 */
export class LegalHoldService {
  /** Applies one LegalHoldPlaced or LegalHoldReleased; anything else is ignored. */
  async apply(em: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case EventTypes.LegalHoldPlaced: return this.placed(em, event);
      case EventTypes.LegalHoldReleased: return this.released(em, event);
      default: return undefined;
    }
  }

  /** A hold seen for the first time becomes active; one already known (even released) is left as it is. */
  private async placed(em: EntityManager, event: DomainEvent): Promise<void> {
    const { subject, data, reason, occurredAt } = parse(placedSchema, event);
    if (!data.subjectId && !data.from && !data.to) throw new UnusableEventError('LegalHoldPlaced: names neither a subject nor a time range');
    if (await em.findOne(LegalHold, subject.id)) return;
    em.create(LegalHold, {
      id: subject.id, subjectId: data.subjectId ?? null, fromTime: at(data.from), toTime: at(data.to),
      reason: data.reason ?? reason ?? '', placedAt: new Date(occurredAt), releasedAt: null,
    });
    await em.flush();
  }

  /** Releases a known hold; an unknown one is recorded as released, so its LegalHoldPlaced arriving later stays inert. */
  private async released(em: EntityManager, event: DomainEvent): Promise<void> {
    const { subject, data, occurredAt } = parse(releasedSchema, event);
    const hold = await em.findOne(LegalHold, subject.id);
    if (hold) {
      hold.releasedAt ??= new Date(occurredAt);
    } else {
      em.create(LegalHold, { id: subject.id, subjectId: data.subjectId ?? null, reason: '', placedAt: null, releasedAt: new Date(occurredAt) });
    }
    await em.flush();
  }

  /**
   * The oldest active hold covering a file: one about the file itself, its sample or its submission
   * (or about no subject), whose time range meets the time the file's record covers (from its first
   * upload to its deletion, `until`). Audit matches its entries the same way, by subject, sample or
   * submission id and time.
   */
  async covering(em: EntityManager, file: StoredFile, until: Date): Promise<LegalHold | null> {
    return em.findOne(LegalHold, {
      releasedAt: null,
      $and: [
        { $or: [{ subjectId: null }, { subjectId: { $in: [file.id, file.ownerId] } }] },
        { $or: [{ fromTime: null }, { fromTime: { $lte: until } }] },
        { $or: [{ toTime: null }, { toTime: { $gte: file.createdAt } }] },
      ],
    }, { orderBy: { placedAt: 'asc', id: 'asc' } });
  }
}
