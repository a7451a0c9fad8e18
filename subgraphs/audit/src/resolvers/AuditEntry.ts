import type { AuditContext } from '../context.js';
import type { EntryRow } from '../services/entry-row.js';

export const AuditEntry = {
  __resolveReference: (ref: { id: string }, ctx: AuditContext) => ctx.services.entries.get(ref.id),
  actor: (e: EntryRow) => ({
    userId: e.actorUserId, user: e.actorUserId ? { __typename: 'User', id: e.actorUserId } : null, role: e.actorRole, name: e.actorName,
    via: e.actorVia, apiTokenId: e.actorTokenId, ip: e.actorIp, userAgent: e.actorUserAgent,
  }),
  subject: (e: EntryRow) => ({ type: e.subjectType, id: e.subjectId, sampleId: e.sampleId, submissionId: e.submissionId, labId: e.labId }),
};
