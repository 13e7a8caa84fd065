import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language an account reads (the interface language it last used): its e-mails are written in
 * it first, with its subject. Vietnamese for every account until it uses the site in English.
 */
export class UserLanguage1796425000000 implements MigrationInterface {
  name = 'UserLanguage1796425000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" text NOT NULL DEFAULT 'vi'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_language" CHECK ("language" IN ('vi', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_language"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
