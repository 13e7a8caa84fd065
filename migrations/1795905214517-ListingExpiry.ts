import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListingExpiry1795905214517 implements MigrationInterface {
  name = 'ListingExpiry1795905214517';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listing" ADD "expired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_listing_revision_queue" ON "listing"  ("revision_submitted_at") WHERE revision_submitted_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_listing_revision_queue"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "expired_at"`);
  }
}
