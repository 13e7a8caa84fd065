import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an organisation last registered for an event: a registration withdrawn and sent again is
 * the same row (one per organisation and event), so its creation time is the first registration's;
 * the organiser reads the latest one. Rows so far: their creation time.
 */
export class RegistrationRegisteredAt1796430417000 implements MigrationInterface {
  name = 'RegistrationRegisteredAt1796430417000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "techmart_registration" SET "registered_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "registered_at"`);
  }
}
