import { Migration } from '@mikro-orm/migrations';

/** E-signatures spent on step changes (issue #15 point 6); the primary key is the token's jti, so each is used once. */
export class Migration20261204020000StepSignatures extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create table ${s}."step_signature" ("id" uuid not null, "step_id" uuid not null, "transition_id" uuid not null, "sample_id" uuid not null, "action" text check ("action" in ('OVERRIDDEN', 'SKIPPED', 'REOPENED')) not null, "signer_id" uuid not null, "signer_name" varchar(255) null, "meaning" text check ("meaning" in ('APPROVED_BY', 'REVIEWED_BY', 'AUTHORED_BY', 'RESPONSIBLE_FOR')) not null, "method" text check ("method" in ('PASSWORD', 'RECENT_SIGN_IN')) not null, "record_hash" varchar(64) not null, "record" text not null, "signed_at" timestamptz not null, "used_at" timestamptz not null, constraint "step_signature_pkey" primary key ("id"))`);
    this.addSql(`alter table ${s}."step_signature" add constraint "step_signature_transition_id_unique" unique ("transition_id")`);
    this.addSql(`create index "step_signature_step_id_used_at_index" on ${s}."step_signature" ("step_id", "used_at")`);
    this.addSql(`alter table ${s}."step_signature" add constraint "step_signature_step_id_foreign" foreign key ("step_id") references ${s}."workflow_step" ("id") on update cascade`);
    this.addSql(`alter table ${s}."step_signature" add constraint "step_signature_transition_id_foreign" foreign key ("transition_id") references ${s}."step_transition" ("id") on update cascade`);
  }
}
