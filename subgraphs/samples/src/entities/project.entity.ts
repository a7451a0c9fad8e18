import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ProjectStatuses } from './enums.js';

/** A customer project grouping submissions; owned by a user of one lab. */
export const Project = defineEntity({
  name: 'Project',
  tableName: 'project',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    name: p.string().length(200),
    description: p.text().nullable(),
    ownerId: p.uuid(),
    labId: p.string().length(100),
    status: p.enum([...ProjectStatuses]).default('ACTIVE'),
    /** Lower-cased name for indexed text search (never exposed). */
    searchText: p.text().onCreate((e) => e.name.toLowerCase()).onUpdate((e) => e.name.toLowerCase()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['labId'] }, { properties: ['createdAt', 'id'] }],
});
export type Project = InferEntity<typeof Project>;
