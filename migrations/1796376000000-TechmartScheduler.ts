import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Techmart meeting scheduler (issue #17): a meeting's slot and table (and whether the
 * organiser pinned it), counter-proposals, participants' unavailability, scheduler runs.
 */
export class TechmartScheduler1796376000000 implements MigrationInterface {
  name = 'TechmartScheduler1796376000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "techmart_schedule_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'QUEUED', "meetings" integer, "scheduled" integer, "pinned" integer, "bound" integer, "bound_kind" character varying(16), "back_to_back" integer, "duration_ms" integer, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_techmart_schedule_run" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_schedule_run_event" ON "techmart_schedule_run" ("event_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "techmart_schedule_run" ADD CONSTRAINT "FK_cd8f0ab8a62ce9a8ea1a5823e73" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_schedule_run" ADD CONSTRAINT "FK_0df43c93a9b67d0caf46cb59634" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "counter_slots" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "scheduled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "table_number" smallint`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "pinned" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "scheduled_by" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD "schedule_run_id" uuid`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD CONSTRAINT "FK_b7f490298ee0791690c2e9b0c4d" FOREIGN KEY ("schedule_run_id") REFERENCES "techmart_schedule_run"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_meeting_request_run" ON "techmart_meeting_request" ("schedule_run_id") `);
    // One open request per ordered pair: a counter-proposed one is open too.
    await queryRunner.query(`DROP INDEX "public"."UQ_techmart_meeting_request_open_pair"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_techmart_meeting_request_open_pair" ON "techmart_meeting_request" ("from_registration_id", "to_registration_id") WHERE status IN ('REQUESTED', 'COUNTER_PROPOSED', 'ACCEPTED')`);
    // No table used twice in a slot, whatever writes it (the scheduler, the organiser's move).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_techmart_meeting_request_table_slot" ON "techmart_meeting_request" ("event_id", "scheduled_at", "table_number") WHERE status = 'ACCEPTED' AND scheduled_at IS NOT NULL`);

    await queryRunner.query(`CREATE TABLE "techmart_unavailability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_techmart_unavailability_range" CHECK (ends_at > starts_at), CONSTRAINT "PK_techmart_unavailability" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_unavailability_registration" ON "techmart_unavailability" ("registration_id", "starts_at") `);
    await queryRunner.query(`ALTER TABLE "techmart_unavailability" ADD CONSTRAINT "FK_88c33e8392131c81341f3d0ce1c" FOREIGN KEY ("registration_id") REFERENCES "techmart_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "techmart_unavailability"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_techmart_meeting_request_table_slot"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_techmart_meeting_request_open_pair"`);
    await queryRunner.query(`UPDATE "techmart_meeting_request" SET status = 'CANCELLED' WHERE status = 'COUNTER_PROPOSED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_techmart_meeting_request_open_pair" ON "techmart_meeting_request" ("from_registration_id", "to_registration_id") WHERE status IN ('REQUESTED', 'ACCEPTED')`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_meeting_request_run"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP CONSTRAINT "FK_b7f490298ee0791690c2e9b0c4d"`);
    for (const c of ['schedule_run_id', 'scheduled_by', 'pinned', 'table_number', 'scheduled_at', 'counter_slots']) {
      await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP COLUMN "${c}"`);
    }
    await queryRunner.query(`DROP TABLE "techmart_schedule_run"`);
  }
}
