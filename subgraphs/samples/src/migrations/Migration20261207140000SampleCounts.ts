import { Migration } from '@mikro-orm/migrations';

/**
 * `sample_count` (entities/sample-count.entity.ts) and the triggers that keep it exact. In the
 * database, not in services, so every write path counts: the ORM's flushes, the status consumer,
 * bulk INSERTs written as plain SQL, seeds. Statement-level with transition tables: a 1,000-row
 * INSERT changes each bucket once, and an UPDATE that moves no sample between buckets (notes,
 * assignee) writes nothing. Buckets are upserted (ON CONFLICT DO UPDATE, so concurrent writers
 * add up instead of losing a row) in key order, so two statements taking several buckets take
 * them in the same order and cannot deadlock each other.
 */
export class Migration20261207140000SampleCounts extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    const bucket = `"lab_id", "status", "priority", "archived_at" is not null`;
    const upsert = `on conflict ("lab_id", "status", "priority", "archived") do update set "n" = c."n" + excluded."n"`;
    const into = `insert into ${s}."sample_count" as c ("lab_id", "status", "priority", "archived", "n")`;
    this.addSql(`create table ${s}."sample_count" ("lab_id" varchar(100) not null, "status" varchar(20) not null, "priority" varchar(20) not null, "archived" boolean not null, "n" int not null, constraint "sample_count_pkey" primary key ("lab_id", "status", "priority", "archived"))`);
    this.addSql(`create function ${s}."sample_count_apply"() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    ${into} select ${bucket}, count(*) from new_rows group by 1, 2, 3, 4 order by 1, 2, 3, 4 ${upsert};
  elsif tg_op = 'DELETE' then
    ${into} select ${bucket}, -count(*) from old_rows group by 1, 2, 3, 4 order by 1, 2, 3, 4 ${upsert};
  else
    ${into} select "lab_id", "status", "priority", "archived", sum("d") from (
      select ${bucket} as "archived", 1 as "d" from new_rows
      union all select ${bucket}, -1 from old_rows
    ) moved group by 1, 2, 3, 4 having sum("d") <> 0 order by 1, 2, 3, 4 ${upsert};
  end if;
  return null;
end $$`);
    this.addSql(`create function ${s}."sample_count_reset"() returns trigger language plpgsql as $$
begin
  delete from ${s}."sample_count";
  return null;
end $$`);
    this.addSql(`create trigger "sample_count_insert" after insert on ${s}."sample" referencing new table as new_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_update" after update on ${s}."sample" referencing old table as old_rows new table as new_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_delete" after delete on ${s}."sample" referencing old table as old_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_truncate" after truncate on ${s}."sample" for each statement execute function ${s}."sample_count_reset"()`);
    // Creating the triggers locked out writers until this migration commits, so the rows counted
    // here and the triggers' changes after it neither overlap nor leave a gap.
    this.addSql(`${into} select ${bucket}, count(*) from ${s}."sample" group by 1, 2, 3, 4`);
  }
}
