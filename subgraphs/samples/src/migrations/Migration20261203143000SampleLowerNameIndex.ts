import { Migration } from '@mikro-orm/migrations';

/**
 * Names are unique per submission case-insensitively, and addSamples looks drafts up by
 * `lower(name)`: without this index every call scanned all of the submission's samples, so a
 * 100,000-row import did quadratic work.
 */
export class Migration20261203143000SampleLowerNameIndex extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create index "sample_submission_id_lower_name_index" on ${s}."sample" ("submission_id", lower("name"))`);
  }
}
