import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinksJurisdictionContacts1796361741399 implements MigrationInterface {
  name = 'LinksJurisdictionContacts1796361741399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "all_provinces" boolean NOT NULL DEFAULT false`);
    // Moderators without provinces covered every province (fail open): they keep that, now as the explicit grant.
    await queryRunner.query(`UPDATE "app_user" SET "all_provinces" = true WHERE 'MODERATOR' = ANY("roles") AND cardinality("moderated_province_codes") = 0`);
    // Notification links pointed at storefront paths that never existed: move them to the real pages.
    await queryRunner.query(`UPDATE "notification" SET "url" = '/dashboard' || "url" WHERE "url" LIKE '/interests/%'`);
    await queryRunner.query(`UPDATE "notification" SET "url" = '/moderation' || "url" WHERE "url" LIKE '/deals/%' AND "kind" = 'DEAL_REVIEW_REQUESTED'`);
    await queryRunner.query(`UPDATE "notification" SET "url" = '/dashboard' || "url" WHERE "url" LIKE '/deals/%'`);
    await queryRunner.query(`UPDATE "notification" SET "url" = '/dashboard/expert-contacts/' || substr("url", length('/experts/contacts/') + 1) WHERE "url" LIKE '/experts/contacts/%'`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "contact_email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "contact_phone" character varying(30)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "contact_phone"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "contact_email"`);
    await queryRunner.query(`UPDATE "notification" SET "url" = '/experts/contacts/' || substr("url", length('/dashboard/expert-contacts/') + 1) WHERE "url" LIKE '/dashboard/expert-contacts/%'`);
    await queryRunner.query(`UPDATE "notification" SET "url" = substr("url", length('/moderation') + 1) WHERE "url" LIKE '/moderation/deals/%'`);
    await queryRunner.query(`UPDATE "notification" SET "url" = substr("url", length('/dashboard') + 1) WHERE "url" LIKE '/dashboard/interests/%' OR "url" LIKE '/dashboard/deals/%'`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "all_provinces"`);
  }
}
