import { Migration } from '@mikro-orm/migrations';

/** Samples created from a row of an accepted PDF job's sample table (IntakeRowsCommitted). Generated, then reviewed. */
export class Migration20261203144800SampleLinks extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create table ${s}."extraction_sample_link" ("sample_id" uuid not null, "job_id" uuid not null, "sample_number" varchar(50) null, "intake_job_id" uuid not null, "linked_at" timestamptz not null, constraint "extraction_sample_link_pkey" primary key ("sample_id"))`);
    this.addSql(`create index "extraction_sample_link_job_id_index" on ${s}."extraction_sample_link" ("job_id")`);
  }
}
