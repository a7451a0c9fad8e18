import { pageSize, toConnection, type Connection, type PageArgs } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterPosition, decodePosition, orderOf, positionOf, type SortKey } from './keyset.js';

/**
 * One page of a keyset-paginated list: `first + 1` rows after the cursor position (the extra row
 * only says whether another page exists), and a lazily computed total.
 */
export async function keysetPage<T extends object>(
  em: EntityManager, entity: unknown, where: Record<string, unknown>, keys: SortKey[], args: PageArgs,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const position = decodePosition(args.after, keys);
  const rows = (await em.find(entity as never, { $and: [where, afterPosition(keys, position)] } as never, {
    orderBy: orderOf(keys) as never, limit: limit + 1,
  })) as T[];
  return toConnection(rows, limit, (r) => positionOf(r, keys), () => em.count(entity as never, where as never), !!position);
}
