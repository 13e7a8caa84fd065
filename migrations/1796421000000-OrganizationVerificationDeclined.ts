import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A moderator's reason for declining (or withdrawing) an organisation's verification, and when. */
export class OrganizationVerificationDeclined1796421000000 implements MigrationInterface {
  name = 'OrganizationVerificationDeclined1796421000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" ADD "verification_note" text`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "verification_declined_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "verification_declined_at"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "verification_note"`);
  }
}
