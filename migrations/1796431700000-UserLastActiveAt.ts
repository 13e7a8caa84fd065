import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an account was last active, kept on the account: its sessions are deleted when they end, so
 * they cannot say it afterwards. Filled from the sessions there are.
 */
export class UserLastActiveAt1796431700000 implements MigrationInterface {
  name = 'UserLastActiveAt1796431700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "last_active_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "app_user" u SET "last_active_at" = s.at FROM (SELECT user_id, max(last_seen_at) AS at FROM "user_session" GROUP BY user_id) s WHERE s.user_id = u.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "last_active_at"`);
  }
}
