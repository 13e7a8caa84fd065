import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who withdrew an event registration, and when (a withdrawal cancels its meetings and gives back its booth). */
export class RegistrationWithdrawnBy1796430500000 implements MigrationInterface {
  name = 'RegistrationWithdrawnBy1796430500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "withdrawn_by" uuid`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD CONSTRAINT "FK_d30327cc0e5073c64f5c728dcbd" FOREIGN KEY ("withdrawn_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP CONSTRAINT "FK_d30327cc0e5073c64f5c728dcbd"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "withdrawn_at"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "withdrawn_by"`);
  }
}
