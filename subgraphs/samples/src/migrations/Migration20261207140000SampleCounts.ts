import { Migration } from '@mikro-orm/migrations';

/**
 * `sample_count` and `sample_count_delta` (entities/sample-count.entity.ts) and the triggers that
 * keep them exact. In the database, not in services, so every write path counts: the ORM's
 * flushes, the status consumer, bulk INSERTs (or COPY) written as plain SQL, seeds.
 * Statement-level with transition tables: a 1,000-row INSERT adds one delta row per bucket it
 * touches, and an UPDATE that moves no sample between buckets (notes, assignee) adds nothing.
 * Triggers append deltas instead of upserting the bucket rows: an upsert would hold the bucket's
 * row lock until the writer commits, so a long intake would stall every other writer in its lab,
 * the status consumer included, and writers taking buckets in different orders could deadlock.
 * `sample_count_compact()` folds the deltas in (SampleCountCompactor calls it every few seconds):
 * one statement that deletes the deltas it sees and upserts their sums (ON CONFLICT DO UPDATE adds,
 * so concurrent compactions in several replicas neither lose nor double a delta: a row one of
 * them deleted is skipped by the other).
 */
export class Migration20261207140000SampleCounts extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    const bucket = `"lab_id", "status", "priority", "archived_at" is not null`;
    const delta = `insert into ${s}."sample_count_delta" ("lab_id", "status", "priority", "archived", "n")`;
    this.addSql(`create table ${s}."sample_count" ("lab_id" varchar(100) not null, "status" varchar(20) not null, "priority" varchar(20) not null, "archived" boolean not null, "n" int not null, constraint "sample_count_pkey" primary key ("lab_id", "status", "priority", "archived"))`);
    this.addSql(`create table ${s}."sample_count_delta" ("id" bigserial primary key, "lab_id" varchar(100) not null, "status" varchar(20) not null, "priority" varchar(20) not null, "archived" boolean not null, "n" int not null)`);
    this.addSql(`create function ${s}."sample_count_apply"() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    ${delta} select ${bucket}, count(*) from new_rows group by 1, 2, 3, 4;
  elsif tg_op = 'DELETE' then
    ${delta} select ${bucket}, -count(*) from old_rows group by 1, 2, 3, 4;
  else
    ${delta} select "lab_id", "status", "priority", "archived", sum("d") from (
      select ${bucket} as "archived", 1 as "d" from new_rows
      union all select ${bucket}, -1 from old_rows
    ) moved group by 1, 2, 3, 4 having sum("d") <> 0;
  end if;
  return null;
end $$`);
    this.addSql(`create function ${s}."sample_count_reset"() returns trigger language plpgsql as $$
begin
  delete from ${s}."sample_count";
  delete from ${s}."sample_count_delta";
  return null;
end $$`);
    this.addSql(`create function ${s}."sample_count_compact"() returns void language sql as $$
  with moved as (delete from ${s}."sample_count_delta" returning "lab_id", "status", "priority", "archived", "n")
  insert into ${s}."sample_count" as c ("lab_id", "status", "priority", "archived", "n")
  select "lab_id", "status", "priority", "archived", sum("n") from moved group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict ("lab_id", "status", "priority", "archived") do update set "n" = c."n" + excluded."n"
$$`);
    this.addSql(`create trigger "sample_count_insert" after insert on ${s}."sample" referencing new table as new_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_update" after update on ${s}."sample" referencing old table as old_rows new table as new_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_delete" after delete on ${s}."sample" referencing old table as old_rows for each statement execute function ${s}."sample_count_apply"()`);
    this.addSql(`create trigger "sample_count_truncate" after truncate on ${s}."sample" for each statement execute function ${s}."sample_count_reset"()`);
    // Creating the triggers locked out writers until this migration commits, so the rows counted
    // here and the triggers' deltas after it neither overlap nor leave a gap.
    this.addSql(`insert into ${s}."sample_count" ("lab_id", "status", "priority", "archived", "n") select ${bucket}, count(*) from ${s}."sample" group by 1, 2, 3, 4`);
  }
}
