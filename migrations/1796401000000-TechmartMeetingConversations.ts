import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Techmart meeting request has a conversation between its two organisations, kept in the
 * exchange's message table: a message now belongs to an interest OR a meeting request (exactly
 * one), so threads, authorship and notifications stay one machinery.
 */
export class TechmartMeetingConversations1796401000000 implements MigrationInterface {
  name = 'TechmartMeetingConversations1796401000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "interest_message" ALTER COLUMN "interest_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "interest_message" ADD "meeting_request_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "interest_message" ADD CONSTRAINT "FK_interest_message_meeting_request" FOREIGN KEY ("meeting_request_id") REFERENCES "techmart_meeting_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "interest_message" ADD CONSTRAINT "CHK_interest_message_one_thread" CHECK (num_nonnulls("interest_id", "meeting_request_id") = 1)`);
    await queryRunner.query(`CREATE INDEX "IDX_interest_message_meeting_thread" ON "interest_message" ("meeting_request_id", "created_at") WHERE "meeting_request_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "interest_message" WHERE "meeting_request_id" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interest_message_meeting_thread"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP CONSTRAINT "CHK_interest_message_one_thread"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP CONSTRAINT "FK_interest_message_meeting_request"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP COLUMN "meeting_request_id"`);
    await queryRunner.query(`ALTER TABLE "interest_message" ALTER COLUMN "interest_id" SET NOT NULL`);
  }
}
