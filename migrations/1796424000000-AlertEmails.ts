import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an account gets its match and saved-search alerts by e-mail: one each (EACH), together once a
 * day (DAILY, what notification_digest said), or not at all (OFF: in the app only). Alerts created
 * while OFF are never e-mailed later: turning e-mails on again sets alerts_emailed_since.
 */
export class AlertEmails1796424000000 implements MigrationInterface {
  name = 'AlertEmails1796424000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "alert_emails" text NOT NULL DEFAULT 'EACH'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_alert_emails" CHECK ("alert_emails" IN ('EACH', 'DAILY', 'OFF'))`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "alerts_emailed_since" timestamptz`);
    await queryRunner.query(`UPDATE "app_user" SET "alert_emails" = 'DAILY' WHERE "notification_digest"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "notification_digest"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "notification_digest" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE "app_user" SET "notification_digest" = true WHERE "alert_emails" = 'DAILY'`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "alerts_emailed_since"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_alert_emails"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "alert_emails"`);
  }
}
