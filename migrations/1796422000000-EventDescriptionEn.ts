import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An event's description in English (optional): the English page shows it, else the Vietnamese one. */
export class EventDescriptionEn1796422000000 implements MigrationInterface {
  name = 'EventDescriptionEn1796422000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_event" ADD "description_en" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_event" DROP COLUMN "description_en"`);
  }
}
