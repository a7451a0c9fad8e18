import { Migration } from '@mikro-orm/migrations';
import { qualified } from '../db/sql.js';

/**
 * The outbox, the processed-event inbox and the dead-letter table every data-owning subgraph has
 * in its own schema. Listed first in each subgraph's migrations.
 */
export class Migration20261101000000EventTables extends Migration {
  override up(): void {
    const schema = this.config.get('schema') as string;
    this.addSql(`create table ${qualified(schema, 'outbox_event')} (
      seq bigint generated always as identity primary key,
      id uuid not null unique,
      type varchar(100) not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      claimed_until timestamptz null,
      attempts int not null default 0,
      last_error text null,
      sent_at timestamptz null
    )`);
    this.addSql(`create index outbox_event_unsent_idx on ${qualified(schema, 'outbox_event')} (seq) where sent_at is null`);
    this.addSql(`create table ${qualified(schema, 'processed_event')} (
      consumer_group varchar(100) not null,
      event_id uuid not null,
      processed_at timestamptz not null default now(),
      primary key (consumer_group, event_id)
    )`);
    this.addSql(`create table ${qualified(schema, 'dead_letter_event')} (
      id bigint generated always as identity primary key,
      consumer_group varchar(100) not null,
      event_id varchar(100) null,
      event_type varchar(100) null,
      raw text not null,
      reason text not null,
      received_at timestamptz not null default now()
    )`);
  }
}
