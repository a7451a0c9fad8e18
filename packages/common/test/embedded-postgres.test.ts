// The embedded PostgreSQL is one PGlite session shared by many connections; bound queries from
// several connections at once must each keep their Parse…Sync together.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded-postgres.js';

let db: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  db = await startEmbeddedPostgres();
  pool = new pg.Pool({ connectionString: db.url, max: 8 });
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

describe('embedded PostgreSQL', () => {
  it('answers bound and simple queries from many connections at once, each with its own result', async () => {
    const work = Array.from({ length: 400 }, (_, i) => (i % 3 === 0
      ? pool.query(`select ${i} as n`)
      : pool.query('select $1::int as n, $2::text as label', [i, `row-${i}`])));
    const results = await Promise.all(work);
    results.forEach((res, i) => {
      expect(res.rows[0].n).toBe(i);
      if (i % 3 !== 0) expect(res.rows[0].label).toBe(`row-${i}`);
    });
  }, 60_000);

  it('keeps a bound query whole while other connections run transactions of simple queries', async () => {
    const transaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const res = await client.query(`select ${i} as n`);
        await client.query('commit');
        return res.rows[0].n;
      } finally {
        client.release();
      }
    };
    const work = Array.from({ length: 300 }, (_, i) => (i % 2 === 0
      ? transaction(i)
      : pool.query('select $1::int as n', [i]).then((res) => res.rows[0].n)));
    expect(await Promise.all(work)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  }, 60_000);

  it('runs with the small memory settings (each line of its postgresql.conf applied, not only the first)', async () => {
    const { rows } = await pool.query(`select current_setting('shared_buffers') as shared_buffers,
      current_setting('maintenance_work_mem') as maintenance_work_mem, current_setting('work_mem') as work_mem`);
    expect(rows[0]).toEqual({ shared_buffers: '16MB', maintenance_work_mem: '16MB', work_mem: '4MB' });
  }, 60_000);

  it('recovers after a bound query fails, and the other connections carry on', async () => {
    const work = Array.from({ length: 60 }, (_, i) => (i % 5 === 0
      ? pool.query('select $1::int / 0 as n', [i]).then(() => 'no error', (err: Error) => err.message)
      : pool.query('select $1::int as n', [i]).then((res) => res.rows[0].n)));
    const results = await Promise.all(work);
    results.forEach((result, i) => expect(result).toBe(i % 5 === 0 ? 'division by zero' : i));
  }, 60_000);
});
