import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinksJurisdictionContacts1796361741399 implements MigrationInterface {
  name = 'LinksJurisdictionContacts1796361741399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "all_provinces" boolean NOT NULL DEFAULT false`);
    // Moderators without provinces covered every province (fail open): they keep that, now as the explicit grant.
    await queryRunner.query(`UPDATE "app_user" SET "all_provinces" = true WHERE 'MODERATOR' = ANY("roles") AND cardinality("moderated_province_codes") = 0`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "contact_email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "contact_phone" character varying(30)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "contact_phone"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "contact_email"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "all_provinces"`);
  }
}
