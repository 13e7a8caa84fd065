import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A programme session's title in English (optional): English readers see it, else the Vietnamese one. */
export class ProgrammeSessionTitleEn1796431300000 implements MigrationInterface {
  name = 'ProgrammeSessionTitleEn1796431300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_programme_session" ADD "title_en" character varying(200)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_programme_session" DROP COLUMN "title_en"`);
  }
}
