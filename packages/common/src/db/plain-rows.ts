/**
 * The read path for lists and by-id loads of plain rows (keysetRows, byIdRowLoader): the same SQL
 * text for the same query shape, sent straight to the pg driver. MikroORM's query builder, knex's
 * compiler and MikroORM's result mapper cost more CPU (and ~0.4 MB of garbage per 50-row page) than
 * PostgreSQL spent answering (bench/README.md, profile-dashboard). A row comes back with the
 * entity's property names, the shape resolvers read: a many-to-one holds the related id.
 *
 * The filter language is the subset of MikroORM's that the services' `where` builders produce;
 * anything else throws, so a filter can never be silently dropped.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from './sql.js';

interface PropMeta { name: string; kind: string; fieldNames?: string[]; persist?: boolean; runtimeType?: string }
interface EntityMeta { className: string; tableName: string; schema?: string; props: PropMeta[] }

/** An entity's table, and the column of each of its stored properties. */
export interface PlainTable {
  from: string;
  /** [property, column] of every stored scalar and many-to-one, in the entity's order. */
  columns: [string, string][];
  /** The row object from a result row's values, starting at `from`: one fixed shape, built by generated code. */
  rowOf(values: unknown[], from: number): Record<string, unknown>;
  /** The property's column on the list's own table (alias "t"). */
  column(property: string): string;
}

interface TableEntry {
  table: PlainTable;
  /** Projections of the table onto a subset of its properties, by the subset's names joined. */
  projections: Map<string, PlainTable>;
  dates: Set<string>;
  parseDate: (value: unknown) => unknown;
}

const tables = new WeakMap<object, TableEntry>();

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The entity's table as plain rows see it (computed once per entity and ORM); with `fields`, rows
 * hold only those properties (filters and orders may still name any), so a read that needs a few
 * columns of many rows does not transfer and parse the rest.
 */
export function plainTable(em: EntityManager, entity: unknown, fields?: readonly string[]): PlainTable {
  const meta = em.getMetadata().get((entity as { name: string }).name) as unknown as EntityMeta;
  let entry = tables.get(meta);
  if (!entry) tables.set(meta, (entry = tableEntry(em, meta)));
  if (!fields) return entry.table;
  const key = fields.join(',');
  let projected = entry.projections.get(key);
  if (!projected) {
    const columns = fields.map((f): [string, string] => [f, entry!.table.columns.find(([p]) => p === f)?.[1] ?? unknownProperty(meta, f)]);
    projected = { ...entry.table, columns, rowOf: rowBuilder(fields as string[], entry.dates, entry.parseDate) };
    entry.projections.set(key, projected);
  }
  return projected;
}

function unknownProperty(meta: EntityMeta, property: string): never {
  throw new Error(`${meta.className} has no stored property ${property}`);
}

function tableEntry(em: EntityManager, meta: EntityMeta): TableEntry {
  const columns = new Map<string, string>();
  const dates = new Set<string>();
  for (const p of meta.props) {
    if (p.persist === false || !p.fieldNames?.length || (p.kind !== 'scalar' && p.kind !== 'm:1')) continue;
    columns.set(p.name, p.fieldNames[0]!);
    if (p.runtimeType === 'Date') dates.add(p.name);
  }
  // MikroORM has the driver hand timestamps over as text and parses them itself; so do rows.
  const platform = em.getPlatform();
  const parseDate = (value: unknown) => (value === null ? null : platform.parseDate(value as string));
  const schema = meta.schema ?? (em.config.get('schema') as string | undefined) ?? 'public';
  const table: PlainTable = {
    from: qualified(schema, meta.tableName),
    columns: [...columns],
    rowOf: rowBuilder([...columns.keys()], dates, parseDate),
    column(property) {
      const col = columns.get(property);
      return col ? `"t".${quote(col)}` : unknownProperty(meta, property);
    },
  };
  return { table, projections: new Map(), dates, parseDate };
}

/**
 * An object literal of the properties in order, compiled once per entity: V8 then creates every row
 * with one hidden class instead of growing a dictionary key by key (a twentieth of a list request's
 * CPU). The names are the entity's property names, quoted as JSON strings; `dates` go through `d`.
 */
function rowBuilder(properties: string[], dates: Set<string>, d: (value: unknown) => unknown): PlainTable['rowOf'] {
  const body = properties.map((p, i) => `${JSON.stringify(p)}: ${dates.has(p) ? `d(v[o + ${i}])` : `v[o + ${i}]`}`).join(', ');
  return new Function('d', `return (v, o) => ({ ${body} });`)(d) as PlainTable['rowOf'];
}

type Where = Record<string, unknown>;

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $like: 'like' };

/**
 * SQL for a MikroORM-style filter: `{ prop: value }` (null: is null), `$in`, `$ne`, `$gt`, `$gte`,
 * `$lt`, `$lte`, `$like`, `$and`, `$or`. Values become `$n` parameters pushed onto `params`, so the
 * text depends only on the filter's shape (a list of two or more values travels as one array
 * parameter; a list of one is an equality).
 */
export function whereSql(table: PlainTable, where: Where, params: unknown[]): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' || key === '$or') {
      const before = params.length;
      const all = (value as Where[]).map((w) => whereSql(table, w, params));
      // An empty branch is true: it drops out of an and, and makes an or true (its siblings' parameters go).
      if (key === '$or' && (all.length === 0 || all.includes('true'))) {
        params.length = before;
        if (all.length === 0) parts.push('false');
        continue;
      }
      const branches = all.filter((s) => s !== 'true');
      if (branches.length > 0) parts.push(branches.length === 1 ? branches[0]! : `(${branches.join(key === '$and' ? ' and ' : ' or ')})`);
      continue;
    }
    if (key.startsWith('$')) throw new Error(`plain rows: unsupported operator ${key}`);
    parts.push(...conditions(table.column(key), value, params));
  }
  return parts.length === 0 ? 'true' : parts.join(' and ');
}

const isOperatorObject = (value: unknown): value is Where =>
  value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value);

function conditions(column: string, value: unknown, params: unknown[]): string[] {
  const param = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (value === null) return [`${column} is null`];
  if (!isOperatorObject(value)) {
    if (value === undefined) throw new Error(`plain rows: undefined value for ${column}`);
    return [`${column} = ${param(value)}`];
  }
  return Object.entries(value).map(([op, v]) => {
    // One value as a plain equality: `= any($1)` hides from the planner that an index on (column,
    // order keys) returns rows already in order, and the work queue sorted all waiting samples.
    if (op === '$in') return Array.isArray(v) && v.length === 1 ? `${column} = ${param(v[0])}` : `${column} = any(${param(v)})`;
    if (op === '$ne') return v === null ? `${column} is not null` : `${column} <> ${param(v)}`;
    const comparison = COMPARISONS[op];
    if (!comparison || v === null || v === undefined) throw new Error(`plain rows: unsupported condition ${op} on ${column}`);
    return `${column} ${comparison} ${param(v)}`;
  });
}

/** `order by` for `{ prop: 'asc' | 'desc' }` entries. */
export function orderSql(table: PlainTable, order: Record<string, 'asc' | 'desc'>[]): string {
  return order.flatMap((o) => Object.entries(o).map(([prop, dir]) => `${table.column(prop)} ${dir === 'asc' ? 'asc' : 'desc'}`)).join(', ');
}

/** Another entity's row read with each list row, by the id the list row holds (one statement instead of a loader's second). */
export interface PlainJoin {
  /** The joined row's key in the list row's `joined`. */
  as: string;
  entity: unknown;
  /** The list row's property holding the joined row's id (a many-to-one or an id column). */
  on: string;
  /** A joined row the caller may not see comes back null, as a loader's would. */
  visible?: (row: Record<string, unknown>) => boolean;
}

export interface SelectRows {
  where: Record<string, unknown>;
  order?: Record<string, 'asc' | 'desc'>[];
  limit?: number;
  joins?: PlainJoin[];
  /** Only these properties of `entity` (default: all of them). */
  fields?: readonly string[];
}

/**
 * Rows of `entity` as plain objects (property names; a many-to-one holds the id) matching `where`,
 * in `order`, with each join's row (or null) under `row.joined[as]`. One statement.
 */
export async function selectRows<R>(em: EntityManager, entity: unknown, q: SelectRows): Promise<R[]> {
  const table = plainTable(em, entity, q.fields);
  const joins = (q.joins ?? []).map((j, i) => ({ ...j, table: plainTable(em, j.entity), alias: `j${i}` }));
  const select = [
    ...table.columns.map(([, col]) => `"t".${quote(col)}`),
    ...joins.flatMap((j) => j.table.columns.map(([, col]) => `${quote(j.alias)}.${quote(col)}`)),
  ];
  const params: unknown[] = [];
  let sql = `select ${select.join(', ')} from ${table.from} as "t"`;
  for (const j of joins) sql += ` left join ${j.table.from} as ${quote(j.alias)} on ${quote(j.alias)}."id" = ${table.column(j.on)}`;
  sql += ` where ${whereSql(table, q.where, params)}`;
  if (q.order?.length) sql += ` order by ${orderSql(table, q.order)}`;
  if (q.limit !== undefined) { params.push(q.limit); sql += ` limit $${params.length}`; }
  const rows = await queryArrays(em, sql, params);
  return rows.map((values) => {
    const row = table.rowOf(values, 0);
    if (joins.length) {
      const joined: Record<string, unknown> = {};
      let at = table.columns.length;
      for (const j of joins) {
        const other = values[at] === null ? null : j.table.rowOf(values, at);
        joined[j.as] = other && (j.visible?.(other) ?? true) ? other : null;
        at += j.table.columns.length;
      }
      row.joined = joined;
    }
    return row as R;
  });
}

/** The row a list read with `joins` carries, or undefined when it was not joined (then load it). */
export function joinedRow<T>(row: object, as: string): T | null | undefined {
  return (row as { joined?: Record<string, T | null> }).joined?.[as];
}

/**
 * Named (prepared) statements: PostgreSQL parses and plans a list's statement once per connection
 * instead of on every request (a quarter of the database's CPU per dashboard request). Not on
 * PGlite, where every connection shares one session and a second connection preparing the same
 * name would fail. Each distinct text stays prepared on every connection that ran it, so only the
 * first MAX_NAMED texts of a process are named: filter shapes are few, but a client could vary them.
 */
const MAX_NAMED = 256;
const named = new Map<string, string>();
const namedAllowed = new WeakMap<object, boolean>();

/** Whether the ORM behind `config` may prepare named statements (initOrm sets it from the server's version). */
export function allowNamedStatements(config: object, allowed: boolean): void {
  namedAllowed.set(config, allowed);
}

function statementName(em: EntityManager, text: string): string | undefined {
  if (!namedAllowed.get(em.config)) return undefined;
  let name = named.get(text);
  if (!name && named.size < MAX_NAMED) {
    name = `plain_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    named.set(text, name);
  }
  return name;
}

interface PgClient { query(config: { name?: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }> }
interface KnexClient { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<unknown> }
interface NativeConnection {
  getKnex(): { client: KnexClient };
  executeQuery<T>(query: string, cb: () => Promise<T>, context: { query: string; params: unknown[] }): Promise<T>;
}

/**
 * Runs `$n`-parameterised SQL on a connection of the ORM's pool (in `em`'s transaction when it has
 * one), logged and counted like every other statement; rows come back as arrays (pg builds no
 * objects whose keys we would rename).
 */
async function queryArrays(em: EntityManager, text: string, values: unknown[]): Promise<unknown[][]> {
  const connection = em.getConnection() as unknown as NativeConnection;
  const trx = em.getTransactionContext() as { client: KnexClient } | undefined;
  const client = trx?.client ?? connection.getKnex().client;
  const name = statementName(em, text);
  return connection.executeQuery(text, async () => {
    const pg = await client.acquireConnection();
    try {
      return (await pg.query({ name, text, values, rowMode: 'array' })).rows;
    } finally {
      await client.releaseConnection(pg);
    }
  }, { query: text, params: [] });
}
