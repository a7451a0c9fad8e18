import { Migration } from '@mikro-orm/migrations';

/**
 * Samples created before the entity defaulted an unset status were ranked -1 instead of SUBMITTED's 0
 * (the STATUS sort put them apart from samples added since); the status itself was always SUBMITTED.
 */
export class Migration20261207150000SampleSubmittedStatusRank extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`update ${s}."sample" set "status_rank" = 0 where "status_rank" = -1 and "status" = 'SUBMITTED'`);
  }
}
