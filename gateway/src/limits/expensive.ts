import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { AppError, ErrorCode, type ClientInfo, type Principal } from '@app/common';

/** Root fields that start heavy work (a full scan, a file, a chain walk): rationed per caller. */
export const EXPENSIVE_FIELDS = new Set([
  'exportSamples', 'exportSubmissions', 'exportProjects', 'exportAuditEntries', 'verifyAuditChain', 'pruneAuditEntries',
  'createIntakeFromCsv', 'createIntakeFromXlsx', 'startTextExtraction', 'bulkUpdateSamples',
]);

const WINDOW_MS = 60_000;

/** Who is rationed: the API token (apart from its owner's sessions), the user, or for anonymous callers the address. */
function callerKey(principal: Principal | undefined, client: ClientInfo | undefined): string {
  return principal?.tokenId ? `token:${principal.tokenId}` : principal?.userId ? `user:${principal.userId}` : `ip:${client?.ip ?? 'unknown'}`;
}

/** Expensive root fields in the operation, each alias counted. */
function expensiveCount(operation: OperationDefinitionNode): number {
  return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && EXPENSIVE_FIELDS.has(s.name.value)).length;
}

/**
 * At most `perMinute` expensive operations per caller per minute on this gateway process (fixed
 * one-minute windows); beyond that the whole operation is refused with RATE_LIMITED (HTTP 429)
 * and how long to wait. Each gateway replica counts for itself. 0 turns it off.
 */
export function expensiveOperationLimit(perMinute: number, now: () => number = Date.now): ApolloServerPlugin<{ principal?: Principal; client?: ClientInfo }> {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const cost = perMinute > 0 && operation ? expensiveCount(operation) : 0;
          if (cost === 0) return;
          const at = now();
          if (windows.size > 10_000) for (const [k, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(k);
          const key = callerKey(contextValue.principal, contextValue.client);
          const window = windows.get(key);
          const current = window && at - window.start < WINDOW_MS ? window : { start: at, used: 0 };
          if (current.used + cost > perMinute) {
            const retryAfterSeconds = Math.max(1, Math.ceil((current.start + WINDOW_MS - at) / 1000));
            throw new AppError(`At most ${perMinute} exports, verifications and imports a minute per caller; try again in ${retryAfterSeconds} s`,
              ErrorCode.RATE_LIMITED, { retryAfterSeconds, limit: 'expensiveOperationsPerMinute', max: perMinute }, 429);
          }
          current.used += cost;
          windows.set(key, current);
        },
      };
    },
  };
}
