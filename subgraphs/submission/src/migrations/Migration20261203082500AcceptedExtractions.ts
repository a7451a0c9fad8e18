import { Migration } from '@mikro-orm/migrations';

/** PDF intake: the accepted extractions this subgraph has heard of, and the intake job made from each. */
export class Migration20261203082500AcceptedExtractions extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create table ${s}."accepted_extraction" ("id" uuid not null, "lab_id" varchar(100) null, "submission_id" uuid null, "form" varchar(20) null, "fields" jsonb not null, "samples" jsonb not null, "accepted_by" uuid null, "accepted_at" timestamptz not null, constraint "accepted_extraction_pkey" primary key ("id"))`);
    this.addSql(`alter table ${s}."intake_job" add column "extraction_job_id" uuid null`);
    this.addSql(`alter table ${s}."intake_job" add constraint "intake_job_extraction_job_id_unique" unique ("extraction_job_id")`);
  }
}
