import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search results may be served from the index documents (search/indexed-listing.ts) unless the
 * listing or its organisation has a search-index change pending or applied in the last seconds:
 * this index answers that question on every search without scanning the outbox's history.
 * (An expression index, so the entity declares it with synchronize: false.)
 */
export class OutboxIndexChanges1795910000000 implements MigrationInterface {
  name = 'OutboxIndexChanges1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_event_index_changes" ON "outbox_event" ((COALESCE("processed_at", 'infinity'::timestamptz))) WHERE "topic" IN ('listing.changed', 'organization.changed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_event_index_changes"`);
  }
}
