import type { AuditEntryResolvers } from '../__generated__/resolvers-types.js';

export const AuditEntry: AuditEntryResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.entries.get(ref.id),
  actor: (e) => ({
    userId: e.actorUserId, user: e.actorUserId ? { __typename: 'User', id: e.actorUserId } : null, role: e.actorRole, name: e.actorName,
    via: e.actorVia, apiTokenId: e.actorTokenId, ip: e.actorIp, userAgent: e.actorUserAgent,
  }),
  subject: (e) => ({ type: e.subjectType, id: e.subjectId, sampleId: e.sampleId, submissionId: e.submissionId, labId: e.labId }),
};
