import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPROVED, FACTS, month, statsMonthlySql } from './1796364335006-StatsMonthlyRollup.js';

/**
 * Techmart, the day itself (issue #17): check-in codes on registrations, the meetings' attendance
 * and outcome (techmart_meeting_record), the reminders' ledger, deals and interests tagged with
 * the event they came out of, and the monthly rollup's "made at Techmarts" metric:
 * techmart_deal_approved [''] by month of approval (total: value).
 */
export const FACTS_WITH_TECHMARTS = `${FACTS}
UNION ALL
SELECT 'techmart_deal_approved', ${month('d.approved_at')}, d.province_code, '', -1, 1, d.value
FROM deal d WHERE d.approved_at IS NOT NULL AND d.event_id IS NOT NULL AND d.status IN ${APPROVED}
`;

export class TechmartEventDay1796380000000 implements MigrationInterface {
  name = 'TechmartEventDay1796380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "techmart_meeting_record" ("meeting_id" uuid NOT NULL, "attendance" character varying(8), "attendance_by" uuid, "attendance_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(12), "outcome_value" bigint, "outcome_listing_id" uuid, "interest_id" uuid, "deal_id" uuid, "outcome_by" uuid, "outcome_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fd99d486c7d703440b916e91efe" PRIMARY KEY ("meeting_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3efb6b5d28f0722871edb814a6" ON "techmart_meeting_record"  ("interest_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0c6d952f2cd71c6dd56816077" ON "techmart_meeting_record"  ("deal_id") `);
    await queryRunner.query(`CREATE TABLE "techmart_meeting_reminder" ("meeting_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "meeting_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_53bcc409995040efa08a7a0eb9f" PRIMARY KEY ("meeting_id", "kind", "meeting_at"))`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "check_in_code" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "checked_in_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD "checked_in_by" uuid`);
    await queryRunner.query(`ALTER TABLE "interest" ADD "event_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "event_id" uuid`);
    // Registrations approved before codes existed get one now (10 hex digits, upper case).
    await queryRunner.query(`UPDATE "techmart_registration" SET "check_in_code" = upper(substr(md5(id::text || clock_timestamp()::text), 1, 10)) WHERE status = 'APPROVED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_techmart_registration_check_in_code" ON "techmart_registration"  ("check_in_code") WHERE check_in_code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_interest_event" ON "interest"  ("event_id") WHERE event_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_deal_event" ON "deal"  ("event_id") WHERE event_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD CONSTRAINT "FK_0b04bca28083fb9cc8a3798ac25" FOREIGN KEY ("checked_in_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_fc183d4ca2da8abbcc718993922" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_4028105cf4fef4c98657a0607a0" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_fd99d486c7d703440b916e91efe" FOREIGN KEY ("meeting_id") REFERENCES "techmart_meeting_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_24b7f1fdbde687c758730fc8cf1" FOREIGN KEY ("attendance_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_0e1ed38a6b9e0c2595e70a87aee" FOREIGN KEY ("outcome_listing_id") REFERENCES "listing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_3efb6b5d28f0722871edb814a62" FOREIGN KEY ("interest_id") REFERENCES "interest"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_c0c6d952f2cd71c6dd568160770" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" ADD CONSTRAINT "FK_cdd9a9b05b5830c86a3f226705b" FOREIGN KEY ("outcome_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_reminder" ADD CONSTRAINT "FK_6606c11f0847cc6878f0c8fccd7" FOREIGN KEY ("meeting_id") REFERENCES "techmart_meeting_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await this.rebuildRollup(queryRunner, FACTS_WITH_TECHMARTS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rebuildRollup(queryRunner, FACTS);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_reminder" DROP CONSTRAINT "FK_6606c11f0847cc6878f0c8fccd7"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_cdd9a9b05b5830c86a3f226705b"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_c0c6d952f2cd71c6dd568160770"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_3efb6b5d28f0722871edb814a62"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_0e1ed38a6b9e0c2595e70a87aee"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_24b7f1fdbde687c758730fc8cf1"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_record" DROP CONSTRAINT "FK_fd99d486c7d703440b916e91efe"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_4028105cf4fef4c98657a0607a0"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_fc183d4ca2da8abbcc718993922"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP CONSTRAINT "FK_0b04bca28083fb9cc8a3798ac25"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interest_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_techmart_registration_check_in_code"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "event_id"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP COLUMN "event_id"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "checked_in_by"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "checked_in_at"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP COLUMN "check_in_code"`);
    await queryRunner.query(`DROP TABLE "techmart_meeting_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0c6d952f2cd71c6dd56816077"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3efb6b5d28f0722871edb814a6"`);
    await queryRunner.query(`DROP TABLE "techmart_meeting_record"`);
  }

  /** The rollup is a materialised view: a new metric means building it again. */
  private async rebuildRollup(queryRunner: QueryRunner, facts: string): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW "stats_monthly"`);
    await queryRunner.query(`CREATE MATERIALIZED VIEW "stats_monthly" AS ${statsMonthlySql(facts)}`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_stats_monthly" ON "stats_monthly" ("metric", "province_code", "month", "dim", "bucket")`);
  }
}
