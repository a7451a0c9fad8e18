import { Migration } from '@mikro-orm/migrations';

/** PDF jobs (lease, stage, pages, draft samples), field sources and corrections, source bytes, known files. Generated, then reviewed. */
export class Migration20261202161022PdfJobs extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create table ${s}."extraction_source" ("job_id" uuid not null, "bytes" bytea not null, "byte_size" int not null, "sha256" varchar(64) not null, "created_at" timestamptz not null, constraint "extraction_source_pkey" primary key ("job_id"))`);
    this.addSql(`create table ${s}."field_correction" ("id" uuid not null, "job_id" uuid not null, "lab_id" varchar(100) not null, "form" varchar(10) null, "field_name" varchar(100) not null, "label_text" text not null, "wrong_value" text null, "right_value" text null, "embedding" jsonb not null, "embedding_model" varchar(100) not null, "accepted" boolean not null default false, "created_by" uuid not null, "created_at" timestamptz not null, constraint "field_correction_pkey" primary key ("id"))`);
    this.addSql(`create index "field_correction_field_name_accepted_index" on ${s}."field_correction" ("field_name", "accepted")`);
    this.addSql(`create table ${s}."known_file" ("id" uuid not null, "lab_id" varchar(100) null, "filename" varchar(255) not null, "content_type" varchar(200) not null, "byte_size" bigint not null, "sha256" varchar(64) not null, "version" int not null, "deleted" boolean not null default false, "uploaded_by" uuid null, "updated_at" timestamptz not null, constraint "known_file_pkey" primary key ("id"))`);
    this.addSql(`alter table ${s}."extraction_job" drop constraint if exists "extraction_job_status_check"`);
    this.addSql(`alter table ${s}."extraction_job" drop constraint if exists "extraction_job_method_check"`);
    this.addSql(`alter table ${s}."extraction_job" add column "source_kind" text check ("source_kind" in ('TEXT', 'PDF')) not null default 'TEXT', add column "filename" varchar(255) null, add column "stage" text check ("stage" in ('QUEUED', 'READING', 'FIELDS', 'TABLE', 'ASSIST', 'DONE')) not null default 'QUEUED', add column "pages_done" int not null default 0, add column "pages_total" int null, add column "form" varchar(10) null, add column "warnings" jsonb not null default '[]', add column "samples" jsonb not null default '[]', add column "attempts" int not null default 0, add column "lease_owner" varchar(100) null, add column "lease_expires_at" timestamptz null, add column "llm_model" varchar(100) null, add column "llm_prompt_version" varchar(40) null, add column "llm_latency_ms" int null, add column "reviewed_by" uuid null, add column "reviewed_at" timestamptz null, add column "reject_reason" text null`);
    this.addSql(`alter table ${s}."extraction_job" alter column "submission_id" drop not null`);
    this.addSql(`alter table ${s}."extraction_job" alter column "status" set default 'QUEUED'`);
    // Jobs of the first version: PENDING is now QUEUED, and a finished text job waits for review.
    this.addSql(`update ${s}."extraction_job" set "status" = case "status" when 'PENDING' then 'QUEUED' when 'SUCCEEDED' then 'NEEDS_REVIEW' else "status" end, "stage" = case when "status" in ('SUCCEEDED', 'FAILED') then 'DONE' else 'QUEUED' end`);
    this.addSql(`alter table ${s}."extraction_job" add constraint "extraction_job_status_check" check("status" in ('QUEUED', 'RUNNING', 'NEEDS_REVIEW', 'ACCEPTED', 'REJECTED', 'FAILED'))`);
    this.addSql(`alter table ${s}."extraction_job" add constraint "extraction_job_method_check" check("method" in ('PATTERN', 'GEOMETRIC', 'LLM', 'HYBRID'))`);
    this.addSql(`create index "extraction_job_status_created_at_index" on ${s}."extraction_job" ("status", "created_at")`);
    this.addSql(`alter table ${s}."extraction_result" add column "values" jsonb null, add column "source" text check ("source" in ('LAYOUT', 'CHECKBOX', 'TABLE', 'LLM', 'RETRIEVAL', 'MANUAL')) not null default 'LAYOUT', add column "warning" text null, add column "extracted_value" jsonb null, add column "correction_id" uuid null, add column "corrected_by" uuid null, add column "corrected_at" timestamptz null`);
    this.addSql(`alter table ${s}."extraction_result" alter column "value" drop not null`);
    this.addSql(`alter table ${s}."extraction_job" add constraint "extraction_job_pages_range" check ("pages_done" >= 0 and ("pages_total" is null or "pages_done" <= "pages_total"))`);
  }
}
