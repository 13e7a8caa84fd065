import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff audit log's line in English beside the Vietnamese one (older rows have none: the English page shows theirs). */
export class StaffAuditSummaryEn1796423000000 implements MigrationInterface {
  name = 'StaffAuditSummaryEn1796423000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_audit_log" ADD "summary_en" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_audit_log" DROP COLUMN "summary_en"`);
  }
}
